// The lab's service worker: keep working once loaded (a lecture on bad Wi-Fi). On install it stores the whole built
// app (code, styles, fonts, the tfjs wasm files), the shipped vectors and the Brown and toy corpora; every request of
// this origin is then answered from that copy, and the larger corpora are stored the first time they are read.
// Requests to other origins (vectors from a URL the user typed) go to the network untouched.
//
// Hand-written rather than Workbox: vite-plugin-pwa's Workbox build pulls in rollup, whose platform packages the npm
// registry reachable here does not serve, so `npm ci` could not install it. What the lab needs is short: precache a
// list made at build time (scripts/offlinePlugin.ts), drop old versions on activation, answer cache-first.
// A new version installs in the background and takes over once every tab of the old one is closed, so an open lab
// always gets the files its code was built with.

/** Replaced at build time by scripts/offlinePlugin.ts with the files to store and a version hash of their contents. */
declare const __LAB_PRECACHE__: { files: string[]; version: string };

const sw = self as unknown as ServiceWorkerGlobalScope;
const PREFIX = 'embedding-lab-';
const MANIFEST = __LAB_PRECACHE__;
const APP_CACHE = `${PREFIX}app-${MANIFEST.version}`;
/** Corpora read after install (SOTU, say): kept across versions, they do not change with the code. */
const DATA_CACHE = `${PREFIX}data`;

const scoped = (file: string) => new URL(file, sw.registration.scope).href;

// Files under assets/ carry a hash of their content in their name, so the copy the page has just downloaded (in the
// HTTP cache) is the right one: no second download on a slow network. The others (index.html, corpora, vectors)
// keep their names across versions and are fetched afresh.
const requestFor = (file: string) => new Request(scoped(file), { cache: file.startsWith('assets/') ? 'default' : 'reload' });

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.addAll(MANIFEST.files.map(requestFor))));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== APP_CACHE && key !== DATA_CACHE) await caches.delete(key);
      }
      // Take over the page that installed us: a lab opened once is covered without a reload.
      await sw.clients.claim();
    })(),
  );
});

// The page's "Update the lab" button (OfflineStatus.tsx) asks a waiting new version to take over now; the page then
// reloads onto it. Without it a new version waits until every tab of the old one is closed.
sw.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  event.respondWith(answer(request, url));
});

async function answer(request: Request, url: URL): Promise<Response> {
  const app = await caches.open(APP_CACHE);
  // Every page of the lab is index.html (routes live in the hash).
  if (request.mode === 'navigate') return (await app.match(scoped('index.html'), { ignoreVary: true })) ?? fetch(request);
  // Vary is ignored: the server marks files `Vary: Origin`, and the page asks for its modules in CORS mode (with an
  // Origin header) while install stored them without one; the files are the same either way.
  const stored = (await app.match(request, { ignoreVary: true })) ?? (await (await caches.open(DATA_CACHE)).match(request, { ignoreVary: true }));
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok && url.pathname.includes('/corpora/')) {
    await (await caches.open(DATA_CACHE)).put(request, response.clone());
  }
  return response;
}
