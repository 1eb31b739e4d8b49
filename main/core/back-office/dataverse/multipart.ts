/**
 * The multipart/mixed text that Dataverse's $batch speaks (OData 4.0 part 1, 11.7): parts
 * between `--boundary` lines, each with MIME headers, a blank line and a body; inside, whole
 * HTTP requests and responses. Lines end in CRLF as the specification asks; bare LF is read
 * too, since hand-written examples use it.
 */
export interface MimePart {
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface HttpMessage {
  /** 'PATCH https://…/incidents(…) HTTP/1.1' or 'HTTP/1.1 204 No Content'. */
  startLine: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

const CRLF = '\r\n';

export function boundaryOf(contentType: string | null | undefined): string | null {
  if (!contentType || !/^multipart\/mixed\b/i.test(contentType.trim())) return null;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function headersAndBody(text: string): { head: string; body: string } {
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return { head: text, body: '' };
  if (crlf !== -1 && (lf === -1 || crlf <= lf)) return { head: text.slice(0, crlf), body: text.slice(crlf + 4) };
  return { head: text.slice(0, lf), body: text.slice(lf + 2) };
}

function headerLines(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The parts of a multipart body; the preamble and epilogue are dropped as MIME says. */
export function splitMultipart(body: string, boundary: string): MimePart[] {
  const delimiter = `--${boundary}`;
  const chunks = body.split(delimiter);
  const parts: MimePart[] = [];
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    // The line break before a delimiter belongs to the delimiter, not to the part.
    const text = chunk.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '');
    const { head, body: partBody } = headersAndBody(text);
    parts.push({ headers: headerLines(head), body: partBody });
  }
  return parts;
}

export function parseHttpMessage(text: string): HttpMessage {
  const { head, body } = headersAndBody(text.replace(/^(\r?\n)+/, ''));
  const [startLine = '', ...rest] = head.split(/\r?\n/);
  return { startLine: startLine.trim(), headers: headerLines(rest.join('\n')), body: body.replace(/\r?\n$/, '') };
}

/** The status of a response's start line: 'HTTP/1.1 412 Precondition Failed' → 412; 0 if unreadable. */
export function statusOf(message: HttpMessage): number {
  const match = /^HTTP\/\d\.\d\s+(\d{3})/.exec(message.startLine);
  return match ? Number(match[1]) : 0;
}

export function httpMessage(startLine: string, headers: Record<string, string>, body: string): string {
  const lines = [startLine, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return `${lines.join(CRLF)}${CRLF}${CRLF}${body}`;
}

export function mimePart(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join(CRLF)}${CRLF}${CRLF}${body}`;
}

export function joinMultipart(boundary: string, parts: readonly string[]): string {
  return `${parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('')}--${boundary}--${CRLF}`;
}

/** The headers every request or response inside a $batch part carries. */
export const HTTP_PART = { 'Content-Type': 'application/http', 'Content-Transfer-Encoding': 'binary' } as const;

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Unknown';
}
