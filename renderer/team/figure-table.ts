/** A table of figures as a chart shows it, for reading, keyboard use and export. */
export interface FigureTableData {
  /** What the table is, as its caption and the exported file's name say. */
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/**
 * RFC 4180 CSV, with a byte-order mark so Excel reads the accents and dashes in team names.
 * A text cell starting with = + - @ is prefixed with ' so a spreadsheet shows it rather than
 * running it as a formula (OWASP's CSV injection advice); numbers are left as numbers.
 */
export function toCsv(table: Pick<FigureTableData, 'columns' | 'rows'>): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${[table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A file name from a title: 'Calls by service, 1–31 March 2026' → 'calls-by-service-1-31-march-2026.csv'. */
export function csvFileName(title: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'figures'}.csv`;
}

/** Saves the table as a CSV file through the browser's download (Electron asks where to save it). */
export function downloadCsv(table: FigureTableData): void {
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(table.title);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by now; the next task is late enough to let the URL go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
