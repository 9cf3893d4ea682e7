/**
 * The offline service worker, shipped as dist/e-paper-sw.js for the host to register at its
 * site's scope (the viewer never registers one). Every GET goes to the network first; when the
 * network fails, the answer comes from the editions saved with "save for offline"
 * (offline-save.ts) or from the copy of the host page and the viewer's code this worker kept as
 * they last passed (the `e-paper:site` cache). HTTP errors pass through as they are: only a
 * network that fails falls back. Nothing of the site's own caches is read or changed.
 *
 * The `e-paper:site` cache is bounded: at most {@link DEFAULT_LIMITS} responses and bytes, or what
 * the worker's URL asks (`e-paper-sw.js?max-entries=200&max-bytes=20000000`); past either, the
 * responses fetched longest ago go first (the Cache Storage keeps a cache's entries in the order
 * they were put, and a response fetched again is put again, last). A saved edition is a cache of
 * its own, which this never trims: only "remove" in the list of saved editions takes it away.
 */
import { CACHE_PREFIX, SITE_CACHE } from './cache-names.js';

/** What the worker uses of its global scope (the project's types are the window's, not a worker's). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const self = globalThis as unknown as WorkerScope;

/** What the worker keeps as it passes: the host page and the code and styles it loads. */
const KEPT_DESTINATIONS = new Set<RequestDestination>(['document', 'iframe', 'script', 'style', 'font', 'manifest', 'worker']);

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The answer to `request` in our caches: the saved editions, then the site's copy. */
async function fromCaches(request: Request): Promise<Response | undefined> {
  const names = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX));
  // The editions first: a saved edition is what the reader asked to keep.
  names.sort((a, b) => Number(a === SITE_CACHE) - Number(b === SITE_CACHE));
  for (const name of names) {
    const hit = await (await caches.open(name)).match(request, { ignoreVary: true });
    if (hit) return hit;
  }
  return undefined;
}

/** The bounds of the site's cache when the worker's URL names none: a site's pages, code, styles and fonts, not its editions. */
const DEFAULT_LIMITS = { entries: 500, bytes: 50_000_000 };

/** The bounds: the worker's URL's `max-entries` and `max-bytes` where they are whole numbers above 0. */
const limits = (() => {
  const params = new URL((globalThis as unknown as { location: Location }).location.href).searchParams;
  const read = (name: string, fallback: number) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return { entries: read('max-entries', DEFAULT_LIMITS.entries), bytes: read('max-bytes', DEFAULT_LIMITS.bytes) };
})();

/** The header of a kept response that holds its size in bytes, for the bound. */
const SIZE_HEADER = 'x-e-paper-bytes';

/**
 * The site cache's entries (URL → bytes), oldest first, as this worker last left them: read again
 * when the cache's keys are not those (another tab's worker, or the host, changed it).
 */
let index: Map<string, number> | undefined;

async function entries(cache: Cache): Promise<Map<string, number>> {
  const requests = await cache.keys();
  const known = index ? [...index.keys()] : [];
  if (index && known.length === requests.length && requests.every((request, i) => request.url === known[i])) return index;
  const responses = await cache.matchAll();
  const size = (response?: Response) => Number(response?.headers.get(SIZE_HEADER) ?? response?.headers.get('content-length')) || 0;
  return (index = new Map(requests.map((request, i) => [request.url, size(responses[i])])));
}

/** The keeping of one response after another: each reads and changes the index. */
let keeping: Promise<void> = Promise.resolve();

/** Keeps a copy of the page and the viewer's code, within the bounds; a failure to keep it changes nothing. */
function keepSite(request: Request, response: Response): Promise<void> {
  return (keeping = keeping.then(async () => {
    try {
      const body = await response.blob();
      // Larger than the whole bound: never kept (it would push out everything else).
      if (body.size > limits.bytes) return;
      const cache = await caches.open(SITE_CACHE);
      const sizes = await entries(cache);
      // Room is made first, the oldest going, so that the cache is never over its bounds.
      sizes.delete(request.url);
      let [count, bytes] = [sizes.size + 1, body.size];
      for (const size of sizes.values()) bytes += size;
      for (const [url, size] of sizes) {
        if (count <= limits.entries && bytes <= limits.bytes) break;
        await cache.delete(url, { ignoreVary: true });
        sizes.delete(url);
        count--;
        bytes -= size;
      }
      const headers = new Headers(response.headers);
      headers.set(SIZE_HEADER, String(body.size));
      await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers }));
      sizes.set(request.url, body.size);
    } catch {
      // No room, or storage refused: the page works online as before; the index is read again.
      index = undefined;
    }
  }));
}

async function answer(event: FetchEvent): Promise<Response> {
  const { request } = event;
  try {
    const response = await fetch(request);
    const keeps = KEPT_DESTINATIONS.has(request.destination) || request.mode === 'navigate';
    if (keeps && response.ok && (response.type === 'basic' || response.type === 'cors'))
      event.waitUntil(keepSite(request, response.clone()));
    return response;
  } catch (error) {
    const cached = await fromCaches(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !/^https?:/.test(request.url)) return;
  event.respondWith(answer(event));
});
