/**
 * A Cache Storage in memory, for the offline part's stories: saved editions to list without
 * touching the browser's caches, and a full storage (every put after the first `room` fails with
 * QuotaExceededError, as a browser out of quota does).
 */
import { editionCacheName, recordUrl } from '../../src/offline/cache-names.js';
import type { SavedEdition } from '../../src/offline/offline-save.js';

type Entry = { body: Blob; init: ResponseInit };

const keyOf = (request: RequestInfo | URL) => (typeof request === 'string' ? request : request instanceof URL ? request.href : request.url);

class MemoryCache {
  readonly entries = new Map<string, Entry>();
  constructor(readonly storage: MemoryCaches) {}
  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const entry = this.entries.get(keyOf(request));
    return entry && new Response(entry.body, entry.init);
  }
  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    if (this.storage.room-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.entries.set(keyOf(request), { body: await response.blob(), init: { status: response.status, headers: response.headers } });
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

export class MemoryCaches {
  readonly caches = new Map<string, MemoryCache>();
  constructor(public room = Number.POSITIVE_INFINITY) {}
  async has(name: string) {
    return this.caches.has(name);
  }
  async open(name: string) {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new MemoryCache(this)));
    return cache as unknown as Cache;
  }
  async keys() {
    return [...this.caches.keys()];
  }
  async delete(name: string) {
    return this.caches.delete(name);
  }
  async match() {
    return undefined;
  }
  /** Puts a record of a saved edition, as a complete save leaves it. */
  saved(record: SavedEdition): this {
    const cache = new MemoryCache(this);
    cache.entries.set(recordUrl(record.url), { body: new Blob([JSON.stringify(record)]), init: {} });
    this.caches.set(editionCacheName(record.url), cache);
    return this;
  }
  get storage(): CacheStorage {
    return this as unknown as CacheStorage;
  }
}
