/**
 * Saves an edition for offline reading in the Cache Storage, lists and removes saved editions.
 * A save keeps the edition JSON and its page files as fetched, then the files offline-plan.ts
 * picks, then a record; any failure (the network, a bad file, the quota) deletes the cache, so
 * that nothing half-saved claims to be saved. The service worker (e-paper-sw.ts) serves them.
 */
import { failedLoad, fetchText } from '../edition/load.js';
import { parseEdition } from '../edition/validate.js';
import type { Edition } from '../edition/schema.js';
import { isPageRef, parsePageFile, resolvePageFileUrls, withPageFile } from '../edition/page-files/page-files.js';
import { offlineFiles } from './offline-plan.js';
import { CACHE_PREFIX, editionCacheName, recordUrl } from './cache-names.js';

/** What the list of saved editions shows of one. */
export interface SavedEdition {
  /** The edition JSON's URL. */
  url: string;
  id: string;
  title: string;
  date: string;
  /** How many pages it has (absent in a record saved before this was kept). */
  pages?: number;
  /** Bytes of every file kept. */
  bytes: number;
  files: number;
  /** When it was saved (ms since 1970). */
  savedAt: number;
}

/** Why a save failed: the storage is full, storage refused, or a file could not be fetched. */
export type SaveFailure = 'quota' | 'storage' | 'network';

export class OfflineSaveError extends Error {
  override name = 'OfflineSaveError';
  constructor(
    readonly failure: SaveFailure,
    message: string,
    /** The file that failed, if one did. */
    readonly url?: string,
  ) {
    super(message);
  }
}

/** How far a save is: files kept of those known so far. */
export interface SaveProgress {
  done: number;
  total: number;
}

export interface SaveOptions {
  /** Width in device pixels of the scan images to keep (offline-plan.ts `readerImageWidth`). */
  imageWidth: number;
  onProgress?: (progress: SaveProgress) => void;
  signal?: AbortSignal;
  /** The Cache Storage (tests give a wrapper). */
  caches?: CacheStorage;
}

/** Files fetched at once. */
const AT_ONCE = 3;

const isQuota = (error: unknown) =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === DOMException.QUOTA_EXCEEDED_ERR);

/** Cache Storage where the browser has it (secure contexts), else undefined. */
export const cacheStorage = (): CacheStorage | undefined => (typeof caches === 'undefined' ? undefined : caches);

/** Fetches one file for keeping: its bytes and headers; a failure names the file. */
async function fetchFile(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal });
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw new OfflineSaveError('network', `${url}: the network request failed`, url);
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    throw new OfflineSaveError('network', `${url}: the server answered ${response.status}`, url);
  }
  return response;
}

/** Puts `body` under `url`, turning the browser's storage faults into {@link OfflineSaveError}s. */
async function keep(cache: Cache, url: string, response: Response): Promise<void> {
  try {
    await cache.put(url, response);
  } catch (error) {
    if (isQuota(error)) throw new OfflineSaveError('quota', 'the browser has no room left for it', url);
    throw new OfflineSaveError('storage', `the browser refused to store ${url}`, url);
  }
}

/** A response of `text` as JSON, as it is kept. */
const jsonResponse = (text: string) => new Response(text, { headers: { 'content-type': 'application/json; charset=utf-8' } });

/**
 * The edition JSON at `editionUrl` and its page files, fetched and checked as the viewer loads
 * them, each kept in `cache`; returns the edition with every page file in place.
 */
async function keepEdition(
  cache: Cache,
  editionUrl: string,
  signal: AbortSignal | undefined,
  count: (bytes: number) => void,
): Promise<Edition> {
  const load = async (url: string) => {
    const text = await fetchText(url, { signal }).catch((error: unknown) => {
      if (signal?.aborted) throw signal.reason;
      throw new OfflineSaveError('network', `${url}: ${(error as Error).message}`, url);
    });
    await keep(cache, url, jsonResponse(text));
    count(new Blob([text]).size);
    return text;
  };
  const text = await load(editionUrl);
  let edition: Edition;
  try {
    edition = parseEdition(text);
  } catch (error) {
    throw new OfflineSaveError('network', `${editionUrl}: ${(await failedLoad(error, text)).message}`, editionUrl);
  }
  const known = new Set(edition.articles.map((a) => a.id));
  for (const entry of edition.pages.filter(isPageRef)) {
    const url = new URL(entry.src!, editionUrl).href;
    const pageText = await load(url);
    let file;
    try {
      file = resolvePageFileUrls(parsePageFile(pageText, entry, known), url);
    } catch (error) {
      throw new OfflineSaveError('network', `${url}: ${(await failedLoad(error, pageText, 'a page file')).message}`, url);
    }
    for (const article of file.articles) known.add(article.id);
    edition = withPageFile(edition, file);
  }
  return edition;
}

/**
 * Saves the edition at `editionUrl` (absolute) for offline reading: see the module's comment.
 * Resolves with what the list shows of it; rejects with an {@link OfflineSaveError} (or the
 * signal's reason) and then leaves no cache of it behind, not even an older save.
 */
export async function saveEdition(editionUrl: string, options: SaveOptions): Promise<SavedEdition> {
  const storage = options.caches ?? cacheStorage();
  if (!storage) throw new OfflineSaveError('storage', 'this browser has no Cache Storage here (an insecure page?)');
  const { signal, onProgress } = options;
  const name = editionCacheName(editionUrl);
  let bytes = 0;
  let files = 0;
  const count = (size: number) => ((bytes += size), files++);
  try {
    // A save starts afresh: an older save of it stops counting as saved until this one is complete.
    await storage.delete(name);
    const cache = await storage.open(name);
    const edition = await keepEdition(cache, editionUrl, signal, count);
    const queue = offlineFiles(edition, editionUrl, options.imageWidth);
    const total = files + queue.length;
    onProgress?.({ done: files, total });
    const next = async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const response = await fetchFile(url, signal);
        const body = await response.blob();
        await keep(cache, url, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
        count(body.size);
        onProgress?.({ done: files, total });
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, next));
    const saved: SavedEdition = {
      url: editionUrl,
      id: edition.id,
      title: edition.title,
      date: edition.date,
      pages: edition.pages.length,
      bytes,
      files,
      savedAt: Date.now(),
    };
    await keep(cache, recordUrl(editionUrl), new Response(JSON.stringify(saved), { headers: { 'content-type': 'application/json' } }));
    return saved;
  } catch (error) {
    await storage.delete(name).catch(() => {});
    if (error instanceof OfflineSaveError || signal?.aborted) throw error;
    if (isQuota(error)) throw new OfflineSaveError('quota', 'the browser has no room left for it');
    throw new OfflineSaveError('storage', `the browser refused to store it (${String(error)})`);
  }
}

/** The record of the saved edition at `editionUrl`, if it is saved (completely). Never rejects. */
export async function savedEdition(editionUrl: string, storage = cacheStorage()): Promise<SavedEdition | undefined> {
  try {
    const name = editionCacheName(editionUrl);
    if (!storage || !(await storage.has(name))) return undefined;
    const record = await (await storage.open(name)).match(recordUrl(editionUrl));
    return record ? ((await record.json()) as SavedEdition) : undefined;
  } catch {
    return undefined;
  }
}

/** Every saved edition, the latest saved first. Never rejects: a storage fault lists none. */
export async function savedEditions(storage = cacheStorage()): Promise<SavedEdition[]> {
  try {
    if (!storage) return [];
    const prefix = editionCacheName('');
    const names = (await storage.keys()).filter((name) => name.startsWith(prefix));
    const records = await Promise.all(names.map((name) => savedEdition(name.slice(prefix.length), storage)));
    return records.filter((r): r is SavedEdition => r !== undefined).sort((a, b) => b.savedAt - a.savedAt);
  } catch {
    return [];
  }
}

/** Removes the saved edition at `editionUrl`. Resolves false when storage refused. */
export async function removeSaved(editionUrl: string, storage = cacheStorage()): Promise<boolean> {
  try {
    await storage?.delete(editionCacheName(editionUrl));
    return true;
  } catch {
    return false;
  }
}

export { CACHE_PREFIX };
