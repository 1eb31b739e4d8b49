/**
 * The Content-Security-Policy sent as a response header with every page we serve (the app://
 * protocol in the desktop app, the loopback host in the browser). Scripts only from our own
 * origin: no eval, no inline script, nothing remote.
 */
export interface CspOptions {
  /** Extra `connect-src` sources, for example the loopback host's WebSocket. */
  connectSources?: readonly string[];
  /**
   * Vite's development server injects one inline script for React refresh. Only the
   * browser host's `--dev` mode asks for it; the built app never does.
   */
  allowDevInlineScript?: boolean;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const script = ["'self'", ...(options.allowDevInlineScript ? ["'unsafe-inline'"] : [])];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': script,
    // MUI's styling engine (emotion) writes <style> elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", ...(options.connectSources ?? [])],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
