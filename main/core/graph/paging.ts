import type { Client } from '@microsoft/microsoft-graph-client';

export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/**
 * Follows `@odata.nextLink` until Graph says there is no more, or `maxPages` pages have come
 * (a guard against a list that never ends). The next link is used as given, as Graph asks.
 */
export async function allPages<T>(client: Client, first: Page<T>, maxPages = 50): Promise<T[]> {
  const items = [...first.value];
  let next = first['@odata.nextLink'];
  for (let pages = 1; next && pages < maxPages; pages += 1) {
    const page = (await client.api(next).get()) as Page<T>;
    items.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return items;
}
