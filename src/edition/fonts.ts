import type { Edition, FontRole } from './schema.js';

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

/**
 * Registers the edition's fonts with the document (faces declared inside a shadow root are not
 * used by browsers) and waits for them, at most `timeoutMs`. Failures leave the fallbacks in
 * place and never reject; each font file that fails is told to `onFailure`, even after the wait.
 */
export async function loadEditionFonts(
  edition: Pick<Edition, 'id' | 'fonts'>,
  baseUrl: string,
  timeoutMs = 5000,
  onFailure?: (url: string) => void,
): Promise<void> {
  if (typeof FontFace === 'undefined' || !edition.fonts?.length) return;
  const faces: Promise<unknown>[] = [];
  for (const font of edition.fonts) {
    let url: URL;
    try {
      url = new URL(font.src, baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    const key = `${edition.id}|${font.role}|${url.href}`;
    let face = registered.get(key);
    if (!face) {
      face = new FontFace(
        editionFontFamily(edition, font.role),
        `url("${url.href.replace(/["\\]/g, encodeURIComponent)}") format("woff2")`,
        {
          weight: String(font.weight ?? 400),
          unicodeRange: font.unicodeRange ?? 'U+0-10FFFF',
          display: 'swap',
        },
      );
      registered.set(key, face);
      document.fonts.add(face);
    }
    const href = url.href;
    faces.push(face.load().catch(() => onFailure?.(href)));
  }
  const all = Promise.all(faces);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}
