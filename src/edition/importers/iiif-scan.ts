/**
 * The scan of a IIIF canvas: the image (or IIIF Image API service) its first painting annotation
 * shows, as the edition's `scan`, with warnings for what is left out.
 */
import type { Page } from '../schema.js';
import type { ImportWarning } from './common.js';
import { asArray, idOf, isObject, typeOf, type Json } from './iiif-json.js';

const IMAGE_SERVICE = /^(ImageService[123]|iiif:ImageService[123])$/;
const IMAGE_PROFILE = /iiif\.io\/api\/image\/[123]\//;

/** The IIIF Image API service of an image resource (or the resource itself, when it is one). */
export function imageServiceOf(body: Json): string | undefined {
  const candidates = [body, ...asArray(body.service)];
  for (const service of candidates) {
    if (!isObject(service)) continue;
    const type = typeOf(service) ?? '';
    const profile = asArray(service.profile)
      .filter((p): p is string => typeof p === 'string')
      .join(' ');
    if (IMAGE_SERVICE.test(type) || (!type && IMAGE_PROFILE.test(profile)) || (type === 'ImageService' && IMAGE_PROFILE.test(profile))) {
      const id = idOf(service);
      if (id) return id.replace(/\/+$/, '').replace(/\/info\.json$/, '');
    }
  }
  return undefined;
}

export const positiveNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;

/** The scan of a canvas from its first painting annotation, or a reason there is none. */
export function scanOf(canvas: Json, at: string, warnings: ImportWarning[]): Page['scan'] | string {
  const paintings: { annotation: Json; path: string }[] = [];
  asArray(canvas.items).forEach((page, p) => {
    if (!isObject(page)) return;
    asArray(page.items).forEach((annotation, a) => {
      if (isObject(annotation) && asArray(annotation.motivation).includes('painting'))
        paintings.push({ annotation, path: `${at}.items[${p}].items[${a}]` });
    });
  });
  if (!paintings.length) return 'no painting annotation (the canvas shows nothing)';
  if (paintings.length > 1)
    warnings.push({
      path: paintings[1].path,
      message: `${paintings.length - 1} further painting annotation(s) ignored: only the first image becomes the scan`,
    });
  const { annotation, path } = paintings[0];
  const target = idOf(asArray(annotation.target)[0]) ?? idOf(isObject(annotation.target) ? annotation.target.source : undefined);
  if (target && /#.*xywh=/.test(target))
    warnings.push({ path: `${path}.target`, message: 'the image is painted on part of the canvas only; it is shown over the whole page' });

  let body = asArray(annotation.body)[0];
  if (asArray(annotation.body).length > 1) warnings.push({ path: `${path}.body`, message: 'several bodies: the first is used' });
  if (isObject(body) && typeOf(body) === 'Choice') {
    const options = asArray(body.items);
    body = options.find((o) => isObject(o) && typeOf(o) === 'Image') ?? options[0];
    warnings.push({ path: `${path}.body`, message: 'a Choice of images: the first image is used' });
  }
  if (!isObject(body)) return `painting annotation without a body (${path}.body)`;
  const type = typeOf(body);
  const service = imageServiceOf(body);
  if (type !== 'Image' && !service) return `the painted resource is ${type ? `a ${type}` : 'untyped'}, not an Image or an image service`;

  const width =
    positiveNumber(body.width) ?? positiveNumber(isObject(asArray(body.service)[0]) ? (asArray(body.service)[0] as Json).width : undefined);
  const height =
    positiveNumber(body.height) ??
    positiveNumber(isObject(asArray(body.service)[0]) ? (asArray(body.service)[0] as Json).height : undefined);
  const size = { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
  if (service) {
    const full = `${service}/full/max/0/default.jpg`;
    const srcset: { src: string; width: number }[] = [];
    // The Image API does not upscale without `^`: a 1000-wide copy only when the image is wider.
    if (width === undefined || width > 1000) srcset.push({ src: `${service}/full/1000,/0/default.jpg`, width: 1000 });
    if (width !== undefined) srcset.push({ src: full, width });
    // The service's own tiles, level 0 or above: the viewer reads its info.json (tile-layer.ts).
    return { src: full, ...size, ...(srcset.length ? { srcset } : {}), tiles: { service } };
  }
  const src = idOf(body);
  if (!src) return `the image has no id (${path}.body.id)`;
  return { src, ...size };
}
