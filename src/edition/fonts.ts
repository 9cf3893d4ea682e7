import type { Edition, FontRole, Page } from './schema.js';

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

/** A CSS font-family value: the edition's face first (when it ships one), then the fallbacks. */
export function fontStack(edition: Edition, role: FontRole): string {
  const ships = edition.fonts?.some((font) => font.role === role);
  return ships ? `"${editionFontFamily(edition, role)}", ${FALLBACK_FONTS[role]}` : FALLBACK_FONTS[role];
}

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
 * page needs a few; the browser fetches any other when text needs it. With `null`, none loads.
 * Failures leave the fallbacks in place and never reject; each font file that fails is told to
 * `onFailure`, even after the wait.
 */
export async function loadEditionFonts(
  edition: Pick<Edition, 'id' | 'fonts' | 'title' | 'articles' | 'masthead' | 'ear' | 'footer' | 'issue'>,
  baseUrl: string,
  timeoutMs = 5000,
  onFailure?: (url: string) => void,
  page?: Page | null,
): Promise<void> {
  if (typeof FontFace === 'undefined' || !edition.fonts?.length) return;
  const text = page && pageText(edition, page);
  const faces: [FontFace, string][] = [];
  const specs = new Map<string, string>();
  for (const font of edition.fonts) {
    let url: URL;
    try {
      url = new URL(font.src, baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    const family = editionFontFamily(edition, font.role);
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
    }
    faces.push([face, url.href]);
    if (text) specs.set(`${face.weight} 1em "${family}"`, text[font.role]);
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
