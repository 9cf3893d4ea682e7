/**
 * A unit of a METS/ALTO edition made an article: its text pieces, by the role of the div they
 * stand in, become kicker, headline, subheads, bylines, photos with captions and paragraphs.
 */
import { LIMITS, type Article, type Photo } from '../schema.js';
import { clean, firstChar, fitText, isCjk, lastChar, type ImportWarning } from './common.js';
import { attr } from './dom.js';
import type { TextPiece } from './alto-page.js';
import type { Role, Unit } from './mets.js';

/** What a unit's text pieces make: kicker, headline, subheads, bylines, photos with captions, paragraphs. */
export function buildArticle(
  unit: Unit,
  allPieces: (TextPiece & { role: Role; part: Element })[],
  at: string,
  warnings: ImportWarning[],
  n: number,
): Article {
  // Paragraphs: one per TextBlock and role (consecutive pieces of one block join).
  const merged: typeof allPieces = [];
  for (const piece of allPieces) {
    const previous = merged[merged.length - 1];
    if (previous && previous.block === piece.block && previous.role === piece.role && previous.heading === piece.heading) {
      const either = isCjk(lastChar(previous.text)) || isCjk(firstChar(piece.text));
      previous.text = clean(previous.text + (either ? '' : ' ') + piece.text);
    } else if (piece.text) merged.push({ ...piece });
  }
  const of = (role: Role) => merged.filter((p) => p.role === role).map((p) => p.text);
  const kicker = of('kicker').join(' ') || undefined;
  const titles = of('headline');
  const headingsInBody = merged.filter((p) => p.role === 'heading' || (p.role === 'body' && p.heading)).map((p) => p.text);
  let paragraphs = merged.filter((p) => p.role === 'body' && !p.heading).map((p) => p.text);
  const label = attr(unit.div, 'LABEL') && clean(attr(unit.div, 'LABEL')!);
  let headline = titles.join(' ') || label || headingsInBody.shift();
  const said = new Set([headline, kicker].filter(Boolean).map((t) => t!.toLowerCase()));
  // A LABEL that repeats kicker and title ("Overline: Title") is not a subhead of its own.
  const subheads = [...of('subhead'), ...headingsInBody].filter((h) => !said.has(h.toLowerCase()) && !(label && h === label));
  if (!headline && paragraphs.length) headline = paragraphs.length > 1 ? paragraphs.shift() : paragraphs[0];
  if (!headline) {
    headline = unit.kind === 'news' ? `Article ${n}` : `${unit.kind[0].toUpperCase()}${unit.kind.slice(1)} ${n}`;
    warnings.push({ path: at, message: `no LABEL and no text: the headline reads "${headline}"` });
  }
  headline = fitText(headline, LIMITS.textLength, at, 'headline', warnings);
  // Photos: one per ILLUSTRATION (or CAPTION standing alone) part, with the caption in it.
  const photos: Photo[] = [];
  const photoParts = new Map<Element, Photo>();
  for (const piece of merged) {
    if (piece.role !== 'photo' && piece.role !== 'caption') continue;
    let photo = photoParts.get(piece.part);
    if (!photo) photoParts.set(piece.part, (photo = {}));
    photo.caption = fitText(clean(`${photo.caption ?? ''} ${piece.text}`), LIMITS.textLength, at, 'caption', warnings);
  }
  photos.push(...photoParts.values());
  if (!paragraphs.length) {
    paragraphs = [headline];
    if (unit.kind === 'news')
      warnings.push({ path: at, message: 'no text in its blocks: the headline stands in as the only paragraph; supply the text' });
  }
  if (paragraphs.length > LIMITS.paragraphs) {
    warnings.push({ path: at, message: `more than ${LIMITS.paragraphs} paragraphs: the rest are joined into the last` });
    paragraphs = [...paragraphs.slice(0, LIMITS.paragraphs - 1), paragraphs.slice(LIMITS.paragraphs - 1).join(' ')];
  }
  paragraphs = paragraphs.map((p, i) => fitText(p, LIMITS.paragraphLength, at, `paragraph ${i + 1}`, warnings));
  const article: Article = { id: '', headline, paragraphs };
  if (unit.kind !== 'news') article.kind = unit.kind;
  if (unit.banner) article.banner = fitText(unit.banner, LIMITS.textLength, at, 'banner', warnings);
  if (kicker) article.kicker = fitText(kicker, LIMITS.textLength, at, 'kicker', warnings);
  if (subheads.length) article.subheads = subheads.slice(0, 10).map((s) => fitText(s, LIMITS.textLength, at, 'subhead', warnings));
  const bylines = of('byline');
  if (bylines.length) article.bylines = bylines.slice(0, 10).map((s) => fitText(s, LIMITS.textLength, at, 'byline', warnings));
  if (photos.length) article.photos = photos.slice(0, 20);
  if (subheads.length > 10 || bylines.length > 10 || photos.length > 20)
    warnings.push({ path: at, message: 'more than 10 subheads or bylines or 20 photos: the rest dropped' });
  // Object key order as the format lists them, for readable files.
  const { id, kind, banner, kicker: k, headline: h, subheads: s, bylines: b, paragraphs: p, photos: ph } = article;
  return {
    id,
    ...(kind && { kind }),
    ...(banner && { banner }),
    ...(k && { kicker: k }),
    headline: h,
    ...(s && { subheads: s }),
    ...(b && { bylines: b }),
    paragraphs: p,
    ...(ph && { photos: ph }),
  };
}
