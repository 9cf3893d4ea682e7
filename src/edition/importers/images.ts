/**
 * Page image hrefs from the input as the viewer will load them: a master (JPEG 2000, TIFF) mapped
 * to its web derivative by the caller's rule, relative hrefs resolved against a base URL, and
 * what a browser cannot load (file: and other non-web URLs) refused with a warning.
 */
import type { ImportWarning } from './common.js';

/** Maps the href of a page's image (often a master) to the URL of the image to show; undefined keeps it. */
export type ImageMapper = (href: string, page: { label: string; order: number }) => string | undefined;

/** Image types browsers show. */
export const WEB_IMAGE = /\.(jpe?g|png|webp|gif|avif|svg)([?#]|$)/i;

/**
 * `href` as the page's `scan.src`, or undefined (with a warning naming it) when a browser could
 * not load it. `base` (a URL, or a path such as `/images/`) is put before relative hrefs.
 */
export function resolveImageHref(
  href: string,
  { base, image, label, order }: { base?: string; image?: ImageMapper; label: string; order: number },
  path: string,
  warnings: ImportWarning[],
): string | undefined {
  let src = href.trim();
  if (image) {
    const mapped = image(src, { label, order });
    if (mapped) src = mapped.trim();
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(src)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    warnings.push({
      path,
      message: `the page image "${src.slice(0, 120)}" is a file: URL, which a browser refuses to load from a web page: page skipped; name the served image with --image (options.image) or give a relative href`,
      leftOut: true,
    });
    return undefined;
  }
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    warnings.push({
      path,
      message: `the page image "${src.slice(0, 120)}" is a ${scheme}: URL, not http(s) or relative: page skipped`,
      leftOut: true,
    });
    return undefined;
  }
  if (!WEB_IMAGE.test(src) && !/\/iiif\/|\/full\/|default\.(jpg|png)/i.test(src))
    warnings.push({
      path,
      message: `the page image "${src.slice(0, 120)}" is not a type browsers show (JPEG 2000 and TIFF masters are not): map it to a web derivative with --image (options.image)`,
    });
  if (!scheme && base) {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(base)) {
      try {
        src = new URL(src, base.endsWith('/') ? base : `${base}/`).href;
      } catch {
        warnings.push({ path, message: `the base "${base}" is not a URL: "${src}" is kept relative` });
      }
    } else src = `${base.replace(/\/?$/, '/')}${src.replace(/^\.\//, '')}`;
  }
  return src;
}
