/**
 * Graph's server-driven paging: a page of `value` and, when more remain, an `@odata.nextLink`
 * carrying an opaque $skiptoken (here simply the offset). Pages are small on purpose so that
 * clients really have to follow the links.
 */
export function pageOf<T>(items: readonly T[], options: { origin: string; path: string; query: URLSearchParams; pageSize: number; context: string }) {
  const offset = Number(options.query.get('$skiptoken') ?? '0') || 0;
  const top = Number(options.query.get('$top') ?? '0');
  const size = top > 0 ? Math.min(top, options.pageSize) : options.pageSize;
  const value = items.slice(offset, offset + size);
  const body: Record<string, unknown> = { '@odata.context': `${options.origin}/v1.0/$metadata#${options.context}`, value };
  if (offset + size < items.length) {
    const next = new URLSearchParams(options.query);
    next.set('$skiptoken', String(offset + size));
    body['@odata.nextLink'] = `${options.origin}/v1.0${options.path}?${next.toString()}`;
  }
  return body;
}
