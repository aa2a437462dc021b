/* Khidmat service worker: the app shell works offline; the API is never cached (reports queued
   offline live in IndexedDB and are sent by the page, see src/citizen/outbox.ts). */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const SHELL = `khidmat-shell-${VERSION}`;
const TILES = 'khidmat-tiles';

// The server answers '/' with the app only to a request that accepts HTML (others get problem+json).
const precacheRequest = (url) => new Request(url, url === '/' ? { headers: { accept: 'text/html' } } : {});

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(PRECACHE.map(precacheRequest))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('khidmat-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin === self.location.origin) {
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/')) return;
    if (req.mode === 'navigate') {
      // Fresh page when online, the cached shell when not.
      event.respondWith(fetch(req).catch(() => caches.match('/', { cacheName: SHELL, ignoreVary: true })));
      return;
    }
    event.respondWith(caches.match(req, { cacheName: SHELL, ignoreVary: true }).then((hit) => hit || fetch(req)));
    return;
  }
  if (req.destination === 'image') {
    // Map tiles: show the last seen tile offline, refresh it when online.
    event.respondWith(
      caches.open(TILES).then(async (cache) => {
        const hit = await cache.match(req);
        const fresh = fetch(req)
          .then((res) => {
            if (res.ok) cache.put(req, res.clone());
            return res;
          })
          .catch(() => hit);
        return hit || fresh;
      }),
    );
  }
});
