import type { IncomingMessage } from 'node:http';

/**
 * A stand-in's request body, whole, as text. A body larger than any the real service would
 * take cuts the connection instead of filling memory; `done` is then never called.
 */
export function readBody(request: IncomingMessage, largestBytes: number, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > largestBytes) request.destroy();
    else chunks.push(chunk);
  });
  request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}
