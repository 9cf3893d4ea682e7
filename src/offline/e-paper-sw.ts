/**
 * The offline service worker, shipped as dist/e-paper-sw.js for the host to register at its
 * site's scope (the viewer never registers one). Every GET goes to the network first; when the
 * network fails, the answer comes from the editions saved with "save for offline"
 * (offline-save.ts) or from the copy of the host page and the viewer's code this worker kept as
 * they last passed (the `e-paper:site` cache). HTTP errors pass through as they are: only a
 * network that fails falls back. Nothing of the site's own caches is read or changed.
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

/** Keeps a copy of the page and the viewer's code; a failure to keep it changes nothing. */
async function keepSite(request: Request, response: Response): Promise<void> {
  try {
    await (await caches.open(SITE_CACHE)).put(request, response);
  } catch {
    // No room, or storage refused: the page works online as before.
  }
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
