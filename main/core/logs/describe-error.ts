/**
 * What a log line says about an error: enough for the IT service desk to find the fault (its
 * kind, the status and code the back office, Microsoft 365 or the network gave, and where in
 * CivicDesk it was thrown), never what it was about. An error's message is where a service
 * quotes the request it refused ("no contact with emailaddress1 eq '…'"), JSON.parse quotes
 * the text it could not read, and an HTTP library quotes a URL with its query: so the message
 * is kept only for faults in CivicDesk's own code, whose messages name code, not data, and
 * even then it passes through the logger's redaction.
 */
export interface ErrorDescription {
  /** The error's class: BackOfficeError, GraphError, TypeError, … */
  error: string;
  /** The HTTP status a service answered with, when there was one. */
  status?: number;
  /** The service's or the operating system's code: '0x80040217', 'ErrorItemNotFound', 'invalid_grant', 'ECONNRESET'. */
  code?: string;
  /** CivicDesk's own kind of back-office failure ('permission', 'busy', …). */
  failure?: string;
  message?: string;
  /** Where it was thrown: the stack's frames, without its first line (which repeats the message). */
  frames?: string[];
  cause?: ErrorDescription;
}

// Programming faults: their messages describe CivicDesk's code ("Cannot read properties of undefined (reading 'id')").
const CODE_FAULTS = new Set(['TypeError', 'RangeError', 'ReferenceError']);
const MOST_FRAMES = 8;

export function describeError(error: unknown, depth = 0): ErrorDescription {
  if (!(error instanceof Error)) return { error: error === null ? 'null' : typeof error };
  const fields = error as unknown as Record<string, unknown>;
  const described: ErrorDescription = { error: error.name };
  const status = [fields['status'], fields['statusCode']].find((each) => typeof each === 'number');
  if (typeof status === 'number') described.status = status;
  const code = [fields['code'], fields['errorCode']].find((each) => typeof each === 'string' && /^[\w.-]{1,64}$/.test(each));
  if (typeof code === 'string') described.code = code;
  if (typeof fields['failure'] === 'string') described.failure = fields['failure'];
  if (CODE_FAULTS.has(error.name) && described.status === undefined) described.message = error.message;
  const frames = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, MOST_FRAMES);
  if (frames.length > 0) described.frames = frames;
  if (error.cause !== undefined && depth < 2) described.cause = describeError(error.cause, depth + 1);
  return described;
}
