/**
 * What saving an edition for offline reading keeps, as pure functions of the edition: the font
 * slices its text needs and the images a reader sees. The edition JSON and its page files are
 * kept as fetched (offline-save.ts).
 */
import type { Edition, FontRole, Page } from '../edition/schema.js';
import { safeHttpUrl } from '../edition/urls.js';

/** Code point ranges, inclusive. */
export type CodeRanges = readonly (readonly [number, number])[];

/**
 * The code points of a CSS `unicode-range` (`U+20-7E,U+4E00,U+4E??`); an absent one is every
 * code point. Terms that do not parse are skipped (the browser drops them too).
 */
export function parseUnicodeRange(value: string | undefined): CodeRanges {
  if (value === undefined) return [[0, 0x10ffff]];
  const ranges: [number, number][] = [];
  for (const term of value.split(',')) {
    const m = /^\s*u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(term);
    if (!m) continue;
    const [, start, end] = m;
    if (start.includes('?')) {
      if (end) continue;
      ranges.push([parseInt(start.replace(/\?/g, '0'), 16), parseInt(start.replace(/\?/g, 'f'), 16)]);
    } else ranges.push([parseInt(start, 16), parseInt(end ?? start, 16)]);
  }
  return ranges;
}

/** Whether any character of `text` falls in `ranges`. */
export function coversAny(ranges: CodeRanges, text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (ranges.some(([lo, hi]) => code >= lo && code <= hi)) return true;
  }
  return false;
}

/** Every string in `value`, joined. */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' ? Object.values(value).map(textOf).join('') : '';

/**
 * The text each font role sets anywhere in the edition: its pages (typeset or scan) and the
 * reader, which sets every article in the body and headline faces. As src/edition/fonts.ts
 * `pageText` for one page, over all of them.
 */
export function editionText(edition: Edition): Record<FontRole, string> {
  const { articles, ear, footer } = edition;
  const headline = textOf([articles.map((a) => [a.banner, a.kicker, a.headline, a.subheads]), ear?.day, ear?.pagesToday, footer?.prompt]);
  const pages = textOf(edition.pages.map((page) => [page.label, page.section, page.blocks]));
  return {
    masthead: edition.title,
    headline: headline + pages,
    body: headline + pages + textOf([articles, edition.masthead, ear, footer, edition.issue]),
  };
}

/** The URLs of the edition's font files that its text needs, resolved against `baseUrl`. */
export function neededFonts(edition: Edition, baseUrl: string): string[] {
  const text = editionText(edition);
  const urls = new Set<string>();
  for (const font of edition.fonts ?? []) {
    const url = safeHttpUrl(font.src, baseUrl);
    if (url && coversAny(parseUnicodeRange(font.unicodeRange), text[font.role])) urls.add(url);
  }
  return [...urls];
}

/**
 * The scan images of `page` a reader needs: every width up to the first that is at least
 * `neededWidth` pixels (the page strip and first paint take the small ones, a reader zoomed to
 * that width the last), the largest when none is. Widths beyond stay online only.
 */
export function neededScanImages(page: Page, baseUrl: string, neededWidth: number): string[] {
  const { scan } = page;
  if (!scan) return [];
  const images = [...(scan.srcset ?? []), { src: scan.src, width: scan.width ?? Number.POSITIVE_INFINITY }]
    .map((image) => ({ src: safeHttpUrl(image.src, baseUrl), width: image.width }))
    .filter((image): image is { src: string; width: number } => image.src !== undefined)
    .sort((a, b) => a.width - b.width);
  const upTo = images.findIndex((image) => image.width >= neededWidth);
  return [...new Set(images.slice(0, upTo < 0 ? images.length : upTo + 1).map((image) => image.src))];
}

/**
 * The files beside the edition JSON and its page files that an offline reader needs: fonts, scan
 * images up to `neededWidth` pixels, article photos. `edition` has its page files in place
 * (their URLs made absolute). Page PDFs are not kept: they are downloads, and large.
 */
export function offlineFiles(edition: Edition, baseUrl: string, neededWidth: number): string[] {
  const photos = edition.articles.flatMap((article) => (article.photos ?? []).map((photo) => safeHttpUrl(photo.src, baseUrl)));
  const images = edition.pages.flatMap((page) => neededScanImages(page, baseUrl, neededWidth));
  return [...new Set([...neededFonts(edition, baseUrl), ...images, ...photos.filter((src): src is string => src !== undefined)])];
}

/** The width in pixels of scan image a reader of this screen needs: the screen's width at twice fit-width, in device pixels. */
export const readerImageWidth = (screenWidth: number, pixelRatio: number): number => Math.ceil(2 * screenWidth * pixelRatio);
