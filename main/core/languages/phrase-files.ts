import { PHRASE_STATUSES, REVIEWED_STATUSES, type PhrasePack, type PhraseSource, type PhraseStatus, type PhraseTranslation } from '../../../shared/languages/phrases';
import { sourceHash } from './phrase-check';

/**
 * The files council translators work in, without a developer: CSV (for Excel) and XLIFF 2.0
 * (for translation tools). Pure conversions both ways; `tools/phrases.ts` only reads and
 * writes the files.
 *
 * Both carry, per phrase, the English as it is today, the translation, its status, origin,
 * translator, reviewer and date, and the hash of the English the translation was made from,
 * so exporting and importing an untouched file gives back the same pack exactly.
 */

/** One phrase as read from a file, before it is merged into the pack. */
export interface ImportedPhrase {
  id: string;
  /** The English the translator saw. */
  english: string;
  text: string;
  status: PhraseStatus;
  origin: PhraseTranslation['origin'];
  translator: string | null;
  reviewer: string | null;
  date: string | null;
  /** The file's hash column or note; null when a tool dropped it. */
  sourceHash: string | null;
}

export interface ImportedFile {
  language: string;
  phrases: ImportedPhrase[];
}

export class PhraseFileError extends Error {}

// ---------------------------------------------------------------- CSV (RFC 4180)

/** The columns, in order. Translators fill in translation, status, translator, reviewer and date, and leave language and source_hash alone. */
export const CSV_COLUMNS = ['id', 'english', 'translation', 'status', 'origin', 'translator', 'reviewer', 'date', 'language', 'source_hash'] as const;

const BOM = '\uFEFF';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 with a byte-order mark so Excel shows Ethiopic and Arabic correctly; CRLF between rows. */
export function packToCsv(source: PhraseSource, pack: PhrasePack): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const phrase of orderedLikeSource(source, pack)) {
    const english = source.phrases.find((each) => each.id === phrase.id)?.english ?? '';
    rows.push([phrase.id, english, phrase.text, phrase.status, phrase.origin, phrase.translator ?? '', phrase.reviewer ?? '', phrase.date ?? '', pack.language, phrase.sourceHash]);
  }
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Splits RFC 4180 text into rows of fields (quoted fields may hold commas, quotes and new lines). */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let at = 0; at < input.length; at += 1) {
    const char = input[at];
    if (quoted) {
      if (char === '"') {
        if (input[at + 1] === '"') {
          field += '"';
          at += 1;
        } else quoted = false;
      } else field += char;
      continue;
    }
    if (char === '"') {
      if (field !== '' || wasQuoted) throw new PhraseFileError(`Row ${rows.length + 1}: a quote in the middle of an unquoted field. Put the whole field in quotes and double the quote ("").`);
      quoted = true;
      wasQuoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input[at + 1] === '\n') at += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else field += char;
  }
  if (quoted) throw new PhraseFileError('The file ends inside a quoted field: a closing quote (") is missing.');
  if (field !== '' || row.length > 0 || wasQuoted) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((each) => !(each.length === 1 && each[0] === ''));
}

export function csvToImport(text: string): ImportedFile {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new PhraseFileError('The file is empty.');
  const column = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]));
  for (const name of ['id', 'english', 'translation', 'status'] as const) {
    if (!column.has(name)) throw new PhraseFileError(`The first row must name the columns; "${name}" is missing. Export a fresh file to see the layout.`);
  }
  const cell = (row: string[], name: string) => {
    const index = column.get(name);
    return index === undefined ? '' : (row[index] ?? '');
  };
  const languages = new Set(rows.map((row) => cell(row, 'language').trim()).filter(Boolean));
  if (languages.size !== 1) throw new PhraseFileError(languages.size === 0 ? 'The "language" column is empty: export a fresh file from CivicDesk.' : `The file mixes languages (${[...languages].join(', ')}): one language per file.`);
  const phrases = rows.map((row, index) => {
    const rowName = `Row ${index + 2} (${cell(row, 'id') || 'no id'})`;
    return {
      id: cell(row, 'id').trim(),
      english: cell(row, 'english'),
      text: cell(row, 'translation'),
      status: readStatus(cell(row, 'status').trim(), rowName),
      origin: readOrigin(cell(row, 'origin').trim(), rowName),
      translator: cell(row, 'translator').trim() || null,
      reviewer: cell(row, 'reviewer').trim() || null,
      date: cell(row, 'date').trim() || null,
      sourceHash: cell(row, 'source_hash').trim() || null,
    };
  });
  return { language: [...languages][0] as string, phrases };
}

// ---------------------------------------------------------------- XLIFF 2.0

/** XLIFF 2.0's four states, and the finer CivicDesk status kept in subState ("cd:machine"). */
const STATE_OF: Record<PhraseStatus, 'initial' | 'translated' | 'reviewed' | 'final'> = {
  draft: 'initial',
  machine: 'translated',
  translated: 'translated',
  reviewed: 'reviewed',
  approved: 'final',
  withdrawn: 'initial',
};
const STATUS_OF_STATE: Record<string, PhraseStatus> = { initial: 'draft', translated: 'translated', reviewed: 'reviewed', final: 'approved' };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');

export function packToXliff(source: PhraseSource, pack: PhrasePack): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="${escapeXml(pack.language)}">`,
    `  <file id="civicdesk-phrases-${escapeXml(pack.language)}">`,
  ];
  for (const phrase of orderedLikeSource(source, pack)) {
    const english = source.phrases.find((each) => each.id === phrase.id)?.english ?? '';
    const note = (category: string, value: string | null) => `        <note category="${category}">${escapeXml(value ?? '')}</note>`;
    lines.push(
      `    <unit id="${escapeXml(phrase.id)}">`,
      '      <notes>',
      note('origin', phrase.origin),
      note('translator', phrase.translator),
      note('reviewer', phrase.reviewer),
      note('date', phrase.date),
      note('source-hash', phrase.sourceHash),
      '      </notes>',
      `      <segment state="${STATE_OF[phrase.status]}" subState="cd:${phrase.status}">`,
      `        <source>${escapeXml(english)}</source>`,
      `        <target>${escapeXml(phrase.text)}</target>`,
      '      </segment>',
      '    </unit>',
    );
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

export function xliffToImport(text: string): ImportedFile {
  const root = parseXml(text);
  if (root.name !== 'xliff') throw new PhraseFileError('This is not an XLIFF file: its root element is not <xliff>.');
  if (!root.attributes.version?.startsWith('2.')) throw new PhraseFileError(`Only XLIFF 2.0 is read; this file says version ${root.attributes.version ?? '(none)'}. Export it from your tool as XLIFF 2.0.`);
  const language = root.attributes.trgLang;
  if (!language) throw new PhraseFileError('The <xliff> element has no trgLang: the language of the translations must be named.');
  const units = descendants(root, 'unit');
  const phrases = units.map((unit) => {
    const id = unit.attributes.id ?? '';
    const where = `Unit ${id || '(no id)'}`;
    const segments = descendants(unit, 'segment');
    if (segments.length !== 1) throw new PhraseFileError(`${where}: expected one <segment>, found ${segments.length}. Do not split or join segments.`);
    const segment = segments[0] as XmlElement;
    const notes = new Map(descendants(unit, 'note').map((note) => [note.attributes.category ?? '', textOf(note)]));
    const state = segment.attributes.state ?? 'initial';
    const fromState = STATUS_OF_STATE[state];
    if (!fromState) throw new PhraseFileError(`${where}: unknown state "${state}": use initial, translated, reviewed or final.`);
    // A tool may change state and leave our subState behind: the state wins when they disagree.
    const sub = segment.attributes.subState?.startsWith('cd:') ? (segment.attributes.subState.slice(3) as PhraseStatus) : null;
    const status = sub && PHRASE_STATUSES.includes(sub) && STATE_OF[sub] === state ? sub : fromState;
    const target = descendants(segment, 'target')[0];
    return {
      id,
      english: textOf(descendants(segment, 'source')[0]),
      text: target ? textOf(target) : '',
      status,
      origin: readOrigin(notes.get('origin')?.trim() ?? '', where),
      translator: notes.get('translator')?.trim() || null,
      reviewer: notes.get('reviewer')?.trim() || null,
      date: notes.get('date')?.trim() || null,
      sourceHash: notes.get('source-hash')?.trim() || null,
    };
  });
  return { language, phrases };
}

// ---------------------------------------------------------------- merging an import

export interface ImportResult {
  pack: PhrasePack;
  /** What the import changed or decided, for the person importing. */
  notes: string[];
}

/**
 * Merges an imported file into the language's pack. Rules:
 * - a phrase the file does not mention keeps what the pack had;
 * - unchanged text keeps the file's hash (that of the English it was made from);
 * - new or changed text was translated from the English column the translator saw, so its
 *   hash is that column's hash (stale, and reported, if the English has moved on since);
 * - changed text marked reviewed or approved keeps that status only with a reviewer named;
 *   otherwise it becomes 'translated'.
 * The caller checks the result with checkPack before writing anything.
 */
export function mergeImport(source: PhraseSource, pack: PhrasePack, file: ImportedFile): ImportResult {
  if (file.language !== pack.language) throw new PhraseFileError(`The file is for "${file.language}" but the pack is "${pack.language}".`);
  const notes: string[] = [];
  const phrases = new Map(pack.phrases.map((phrase) => [phrase.id, phrase]));
  const ids = new Set<string>();
  for (const row of file.phrases) {
    if (ids.has(row.id)) throw new PhraseFileError(`Phrase ${row.id} is in the file twice: keep one row.`);
    ids.add(row.id);
    const before = phrases.get(row.id);
    const changed = !before || before.text !== row.text;
    let status = row.status;
    if (changed && REVIEWED_STATUSES.includes(status) && !row.reviewer) {
      notes.push(`${row.id}: the text changed and is marked ${status}, but no reviewer is named, so it is imported as translated.`);
      status = 'translated';
    }
    const hash = changed || !row.sourceHash ? sourceHash(row.english) : row.sourceHash;
    const current = source.phrases.find((each) => each.id === row.id);
    if (changed && current && current.english !== row.english) notes.push(`${row.id}: translated from English that has changed since; the check will report it.`);
    if (changed) notes.push(`${row.id}: ${before ? 'updated' : 'added'} (${status}).`);
    phrases.set(row.id, { id: row.id, text: row.text, status, origin: row.origin, translator: row.translator, reviewer: row.reviewer, date: row.date, sourceHash: hash });
  }
  return { pack: { ...pack, phrases: orderedLikeSource(source, { ...pack, phrases: [...phrases.values()] }) }, notes };
}

// ---------------------------------------------------------------- helpers

/** The pack's phrases in en.json's order, then any the source does not know (the check names those). */
function orderedLikeSource(source: PhraseSource, pack: PhrasePack): PhraseTranslation[] {
  const order = new Map(source.phrases.map((phrase, index) => [phrase.id, index]));
  return [...pack.phrases].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
}

function readStatus(value: string, where: string): PhraseStatus {
  const status = value.toLowerCase() as PhraseStatus;
  if (!PHRASE_STATUSES.includes(status)) throw new PhraseFileError(`${where}: unknown status "${value}". Use one of ${PHRASE_STATUSES.join(', ')}.`);
  return status;
}

function readOrigin(value: string, where: string): PhraseTranslation['origin'] {
  const origins = ['translator', 'machine', 'community', 'council-staff'] as const;
  if (value === '') return 'translator';
  const origin = origins.find((each) => each === value.toLowerCase());
  if (!origin) throw new PhraseFileError(`${where}: unknown origin "${value}". Use one of ${origins.join(', ')}.`);
  return origin;
}

// A small XML reader, enough for XLIFF: elements, attributes, text, entities, CDATA, comments.
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[entity] as string;
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function parseXml(xml: string): XmlElement {
  const text = xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const stack: XmlElement[] = [{ name: '#document', attributes: {}, children: [] }];
  const top = () => stack[stack.length - 1] as XmlElement;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(text))) {
    if (match.index !== consumed) break;
    consumed = token.lastIndex;
    const [whole, cdata, closing, opening, attributeText, selfClosing, chars] = match;
    if (cdata !== undefined) top().children.push(cdata);
    else if (chars !== undefined) top().children.push(decodeEntities(chars));
    else if (closing !== undefined) {
      const open = stack.pop();
      if (!open || open.name !== localName(closing) || stack.length === 0) throw new PhraseFileError(`The XML is not well formed: </${closing}> does not close <${open?.name ?? 'nothing'}>.`);
    } else if (opening !== undefined) {
      const attributes: Record<string, string> = {};
      for (const attribute of (attributeText ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attributes[localName(attribute[1] as string)] = decodeEntities(attribute[2] ?? attribute[3] ?? '');
      }
      const element: XmlElement = { name: localName(opening), attributes, children: [] };
      top().children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (whole.startsWith('<') && !whole.startsWith('<!') && !whole.startsWith('<?')) break;
  }
  if (consumed !== text.length) throw new PhraseFileError(`The XML is not well formed near character ${consumed}: ${JSON.stringify(text.slice(consumed, consumed + 40))}.`);
  if (stack.length !== 1) throw new PhraseFileError(`The XML is not well formed: <${top().name}> is never closed.`);
  const root = (stack[0] as XmlElement).children.find((child): child is XmlElement => typeof child !== 'string');
  if (!root) throw new PhraseFileError('The file has no XML element in it.');
  return root;
}

function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    else found.push(...descendants(child, name));
  }
  return found;
}

function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}
