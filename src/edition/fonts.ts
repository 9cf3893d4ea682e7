import type { Edition, FontRole, Page } from './schema.js';
import { TYPE_PX } from '../elements/e-paper-page/type-sizes.js';

/** System faces to draw with while the edition's own fonts load, or if they fail. */
export const FALLBACK_FONTS: Record<FontRole, string> = {
  body: '"Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, serif',
  headline: '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Heiti SC", sans-serif',
  masthead: '"Ma Shan Zheng", "STXingkai", "KaiTi", "STKaiti", "Noto Serif SC", serif',
};

/** The font family name under which an edition's faces of one role are registered. */
export function editionFontFamily(edition: Pick<Edition, 'id'>, role: FontRole): string {
  return `e-paper ${edition.id} ${role}`;
}

/**
 * A CSS font-family value: the edition's face first (when it ships one), then the fallbacks. On a
 * page (`pageId`), before the face: the page's exact cut of the role's text and the role's
 * stand-in, where the edition ships them and they are loaded (a family without faces is passed over).
 */
export function fontStack(edition: Edition, role: FontRole, pageId?: string): string {
  const family = editionFontFamily(edition, role);
  return edition.fonts?.some((font) => font.role === role)
    ? `${pageId === undefined ? '' : `"${family} ${pageId}", "${family} stand-in", `}"${family}", ${FALLBACK_FONTS[role]}`
    : FALLBACK_FONTS[role];
}

/**
 * Text is read from this size on, in device pixels and in CSS pixels both. Below 8 device pixels a
 * CJK character's strokes cannot each have a pixel and a gap. Below 6 CSS pixels (a CSS pixel is a
 * visual angle: 6 of them are about 1.6 mm at arm's length; also Chrome's minimum logical font
 * size) it is not read at any pixel density. Below either, text is a grey texture, and a stand-in
 * of the right widths and ink draws it.
 */
export const LEGIBLE = { device: 8, css: 6 };

/**
 * The size (page px) of a role's running text on `page`, as the typeset page sets it (its styles'
 * sizes, type-sizes.ts, and its blocks' `headlineSize`): the body's paragraphs; the smallest of the
 * article headings in the headline face (banners, headlines); none for the masthead.
 */
export function rolePx(edition: Pick<Edition, 'articles'>, page: Page): Record<FontRole, number> {
  let headline = Infinity;
  for (const block of page.blocks ?? [])
    if ('article' in block)
      headline = Math.min(
        headline,
        block.headlineSize ?? TYPE_PX.headline,
        edition.articles.find((a) => a.id === block.article)?.banner ? TYPE_PX.banner : Infinity,
      );
  return { body: TYPE_PX.body, headline, masthead: Infinity };
}

/** The stand-in faces in the document, by `${edition id}|${role}`; those taken out (font-swap.ts) are `swapped`. */
export const standIns = new Map<string, FontFace>();
export const swapped = new Set<string>();

const registered = new Map<string, FontFace>();

/** Every string in `value`, joined (ids and URLs come along: their characters are in the base slice anyway). */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' ? Object.values(value).map(textOf).join('') : '';

/** The text each role sets on `page`: its articles, the page's furniture and the title. */
export function pageText(edition: Pick<Edition, 'title' | 'articles' | 'masthead' | 'ear' | 'footer' | 'issue'>, page: Page) {
  const articles = edition.articles.filter((article) => page.blocks?.some((block) => 'article' in block && block.article === article.id));
  // As the page sets them (scripts/font-roles.js): of the furniture, only these in the headline face.
  const { ear, footer } = edition;
  const headline = textOf([
    articles.map((a) => [a.banner, a.kicker, a.headline, a.subheads]),
    ear?.day,
    ear?.pagesToday,
    footer?.prompt,
    page.label,
  ]);
  return {
    masthead: edition.title,
    headline,
    body: headline + textOf([articles, edition.masthead, ear, footer, edition.issue, page.section]),
  };
}

/**
 * Registers the edition's fonts with the document (faces declared inside a shadow root are not
 * used by browsers) and waits for them, at most `timeoutMs`. With `page`, only the faces its text
 * needs load: an edition's fonts may be slices of a face by character (unicode-range), of which a
 * page needs a few; the browser fetches any other when text needs it. Of a role the page cuts
 * exactly, that cut alone; of a role with a stand-in whose text is below {@link LEGIBLE} at
 * `scale` (CSS px per page px), the stand-in and the file outside the slices.
 * With `null`, none loads. Failures leave the fallbacks in place and never reject; each font file
 * that fails is told to `onFailure`, even after the wait.
 */
export async function loadEditionFonts(
  edition: Pick<Edition, 'id' | 'fonts' | 'title' | 'articles' | 'masthead' | 'ear' | 'footer' | 'issue'>,
  baseUrl: string,
  timeoutMs = 5000,
  onFailure?: (url: string) => void,
  page?: Page | null,
  scale = Infinity,
): Promise<void> {
  if (typeof FontFace === 'undefined' || !edition.fonts?.length) return;
  const text = page && pageText(edition, page);
  const faces: [FontFace, string][] = [];
  const specs = new Map<string, string>();
  // How each role's text is drawn before ready: its page cut, its stand-in, or its files.
  const cut = new Set(edition.fonts.filter((font) => font.kind === 'page' && font.page === page?.id).map((font) => font.role));
  const px = page && rolePx(edition, page);
  const greek = new Set(
    edition.fonts
      .filter(
        (font) =>
          font.kind === 'stand-in' &&
          px &&
          !cut.has(font.role) &&
          !swapped.has(`${edition.id}|${font.role}`) &&
          (px[font.role] * scale < LEGIBLE.css || px[font.role] * scale * devicePixelRatio < LEGIBLE.device),
      )
      .map((font) => font.role),
  );
  for (const font of edition.fonts) {
    const extra = font.kind === 'page' ? font.page : font.kind === 'stand-in' ? 'stand-in' : '';
    // A page cut of another page, or a stand-in not needed: never registered.
    if (extra && (font.kind === 'page' ? font.page !== page?.id : !greek.has(font.role))) continue;
    let url: URL;
    try {
      url = new URL(font.src, baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    const family = editionFontFamily(edition, font.role) + (extra ? ` ${extra}` : '');
    const key = `${edition.id}|${font.role}|${url.href}`;
    let face = registered.get(key);
    if (!face) {
      face = new FontFace(family, `url("${url.href.replace(/["\\]/g, encodeURIComponent)}") format("woff2")`, {
        weight: String(font.weight ?? 400),
        unicodeRange: font.unicodeRange ?? 'U+0-10FFFF',
        display: 'swap',
      });
      registered.set(key, face);
      document.fonts.add(face);
      if (extra === 'stand-in') standIns.set(`${edition.id}|${font.role}`, face);
    }
    // A page cut draws its role's text alone; a stand-in, with the edition's file of characters outside the slices.
    if (extra || (greek.has(font.role) && font.kind === 'other')) void face.load().catch(() => {});
    else if (text && !cut.has(font.role) && !greek.has(font.role)) specs.set(`${face.weight} 1em "${family}"`, text[font.role]);
    faces.push([face, url.href]);
  }
  // The browser starts the faces of the family whose ranges meet the text (failures are told below).
  for (const [spec, chars] of specs) if (chars) void document.fonts.load(spec, chars).catch(() => {});
  // Those the page needs have started (load() then only hands their promise over); without a page, all.
  const waits = faces
    .filter(([face]) => page === undefined || face.status !== 'unloaded')
    .map(([face, href]) => face.load().catch(() => onFailure?.(href)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.all(waits), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}
