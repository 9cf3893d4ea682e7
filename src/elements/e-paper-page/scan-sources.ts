import type { Page } from '../../edition/schema.js';
import { safeHttpUrl } from '../../edition/urls.js';

/** One image of a scan page: a URL and its width in pixels (0 when unknown). */
export interface ScanSource {
  src: string;
  width: number;
}

/** The scan's images, smallest first; the main `src` counts as the largest when its width is unknown. */
export function scanSources(scan: NonNullable<Page['scan']>, base: string): ScanSource[] {
  const listed = (scan.srcset ?? []).map((entry) => ({ src: safeHttpUrl(entry.src, base), width: entry.width }));
  const main = { src: safeHttpUrl(scan.src, base), width: scan.width ?? Number.POSITIVE_INFINITY };
  const seen = new Set<string>();
  return [...listed, main]
    .filter((entry): entry is ScanSource => entry.src !== undefined)
    .sort((a, b) => a.width - b.width)
    .filter((entry) => !seen.has(entry.src) && Boolean(seen.add(entry.src)));
}

/** The smallest image at least `neededWidth` pixels wide, or the largest there is. */
export function pickSource(sources: readonly ScanSource[], neededWidth: number): ScanSource | undefined {
  return sources.find((source) => source.width >= neededWidth) ?? sources.at(-1);
}
