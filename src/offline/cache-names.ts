/**
 * The names the offline caches share between the viewer (offline-save.ts) and the service worker
 * (e-paper-sw.ts): every cache of ours starts with {@link CACHE_PREFIX}, so that the worker reads
 * and a host removes ours and nothing of the site's own.
 */
export const CACHE_PREFIX = 'e-paper:';

/** The cache of one saved edition: the viewer's prefix and the edition JSON's URL (without its hash). */
export const editionCacheName = (editionUrl: string): string => `${CACHE_PREFIX}edition:${editionUrl.replace(/#.*$/, '')}`;

/** The service worker's cache of the host page and the viewer's code, as last fetched. */
export const SITE_CACHE = `${CACHE_PREFIX}site`;

/**
 * The key of an edition cache's record (what was saved, when, its size), written last: a cache
 * without it is no saved edition. An URL of the edition's with a query of its own, which nothing
 * asks for.
 */
export const recordUrl = (editionUrl: string): string => {
  const url = new URL(editionUrl);
  url.hash = '';
  url.searchParams.append('e-paper-offline', 'record');
  return url.href;
};
