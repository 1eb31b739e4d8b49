/* global self, caches, fetch, URL */
/*
 * The browser host's offline shell. The desktop app loads its files from disk (app://), so it
 * opens with no network at all; a browser tab would not, and a reload while the network is
 * down would lose the page. This service worker keeps the built app's files (listed in
 * offline-shell.json, written by the build) and answers from them when the network cannot.
 * It never stores an API answer or anything a resident said: the contract travels over the
 * WebSocket, which a service worker does not see. Plain JavaScript: it is served as it is.
 */
const CACHE = 'civicdesk-shell';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const listed = await fetch('./offline-shell.json', { cache: 'no-store' }).then((response) => response.json());
      const cache = await caches.open(CACHE);
      await cache.addAll(['./', ...listed.files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Network first, so a new build is always picked up; the kept copy only when offline.
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          const copy = response.clone();
          void caches.open(CACHE).then((cache) => cache.put(request.mode === 'navigate' ? './' : request, copy));
        }
        return response;
      } catch (error) {
        const kept = await caches.match(request.mode === 'navigate' ? './' : request, { ignoreSearch: request.mode === 'navigate' });
        if (kept) return kept;
        throw error;
      }
    })(),
  );
});
