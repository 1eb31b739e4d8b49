import { badQuery } from './odata-error';

/**
 * Where the next page starts, carried in $skiptoken. Like Dataverse's paging cookie it is
 * opaque to clients: they follow @odata.nextLink and never build one.
 */
export type PagePosition =
  | { mode: 'query'; offset: number }
  /** A change-tracked full read: rows up to version `upto`, in key order after `after`. */
  | { mode: 'tracked'; upto: number; after: string }
  /** A delta read: changes after `since` up to `upto`, in version order after `after`. */
  | { mode: 'delta'; since: number; upto: number; after: number };

export function skipToken(position: PagePosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function pagePosition(token: string): PagePosition {
  try {
    const position = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PagePosition;
    if (['query', 'tracked', 'delta'].includes(position.mode)) return position;
  } catch {
    // Refused below.
  }
  throw badQuery('The $skiptoken is not valid. Follow @odata.nextLink as it was sent.');
}

/**
 * Delta tokens look like Dataverse's ('919042!08/22/2017 08:10:44'): the version of the
 * last change seen, then when the token was made.
 */
export function deltaToken(version: number, now = new Date()): string {
  return `${version}!${now.toISOString().slice(0, 19).replace('T', ' ')}`;
}

export function versionOfDeltaToken(token: string): number {
  const match = /^(\d+)!/.exec(token);
  if (!match) throw badQuery('The delta token is not valid. Read the whole table again to get a new one.');
  return Number(match[1]);
}
