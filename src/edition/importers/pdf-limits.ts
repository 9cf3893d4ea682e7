/**
 * What the format's limits (schema.ts, `LIMITS`) would cut from an article found on a PDF page,
 * from the page's text layer and from a region, kept where a reader still finds it, each move
 * with a warning that names the page: a paragraph too long is split, paragraphs past the last
 * one the format takes are joined to it, subheads and bylines past ten go into the text or the
 * tenth byline, captions of photos past twenty become paragraphs, a text-layer line too long is
 * split where its characters stand, and region pieces past the shapes a region takes are
 * covered by one more. What is still over (an article or a paragraph that no place can hold) is
 * cut, with a warning that counts the characters left out. Pure.
 */
import type { Article, Shape, TextLine } from '../schema.js';
import { LIMITS } from '../schema.js';
import type { ImportWarning } from './common.js';
import type { Box } from './pdf-content.js';
import { round } from './common.js';

/** Where, for messages: the page's label and the article's headline. */
export interface Place {
  path: string;
  page: string;
  headline: string;
}

const said = (place: Place) => `page ${place.page}, "${place.headline.slice(0, 40)}"`;

/** Splits `text` into pieces of at most `max` characters, each at a sentence's end or a space near the limit when there is one. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    const sentence = Math.max(...[...'。！？.!?;；'].map((c) => head.lastIndexOf(c)));
    let cut = sentence > max / 2 ? sentence + 1 : head.lastIndexOf(' ') > max / 2 ? head.lastIndexOf(' ') : max;
    // Never between the halves of a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? '')) cut -= 1;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces.filter(Boolean);
}

/**
 * An article's paragraphs, subheads, bylines and photos within the format's limits, nothing
 * dropped without a warning (see the module's comment).
 */
export function fitArticle(article: Article, place: Place, warnings: ImportWarning[]): Article {
  const warn = (message: string) => warnings.push({ path: place.path, message: `${said(place)}: ${message}` });
  const out: Article = { ...article };
  const before: string[] = [];
  const after: string[] = [];
  if (article.subheads && article.subheads.length > 10) {
    before.push(...article.subheads.slice(10));
    out.subheads = article.subheads.slice(0, 10);
    warn(`${article.subheads.length} subheads, over the 10 the format takes: the rest kept as paragraphs at the start of its text`);
  }
  if (article.bylines && article.bylines.length > 10) {
    const joined = article.bylines.slice(9).join(' ');
    out.bylines = [...article.bylines.slice(0, 9), fitLine(joined, 'the tenth byline', warn)];
    warn(`${article.bylines.length} bylines, over the 10 the format takes: the rest joined to the tenth`);
  }
  if (article.photos && article.photos.length > 20) {
    const rest = article.photos.slice(20);
    after.push(...rest.map((p) => [p.caption, p.credit].filter(Boolean).join(' ')).filter(Boolean));
    out.photos = article.photos.slice(0, 20);
    warn(
      `${article.photos.length} photos, over the 20 the format takes: ${rest.length} left to the page image, their captions kept as paragraphs at the end`,
    );
  }
  out.paragraphs = fitParagraphs([...before, ...article.paragraphs, ...after], warn);
  return out;
}

function fitLine(text: string, what: string, warn: (message: string) => void): string {
  if (text.length <= LIMITS.textLength) return text;
  warn(`${what} of ${text.length} characters, over the ${LIMITS.textLength} the format takes: cut`);
  return `${text.slice(0, LIMITS.textLength - 1)}…`;
}

function fitParagraphs(paragraphs: string[], warn: (message: string) => void): string[] {
  const max = LIMITS.paragraphLength;
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.length <= max) {
      out.push(paragraph);
      continue;
    }
    const pieces = splitText(paragraph, max);
    warn(`a paragraph of ${paragraph.length} characters, over the ${max} the format takes: split in ${pieces.length}`);
    out.push(...pieces);
  }
  if (out.length > LIMITS.paragraphs) {
    const rest = out.splice(LIMITS.paragraphs - 1);
    const joined = rest.join(' ');
    out.push(joined.slice(0, max));
    warn(
      `${rest.length + LIMITS.paragraphs - 1} paragraphs, over the ${LIMITS.paragraphs} the format takes: the last ${rest.length} joined in one` +
        (joined.length > max ? `; its ${joined.length - max} characters past ${max} left out ("${joined.slice(max, max + 30)}…")` : ''),
    );
  }
  let total = 0;
  for (let i = 0; i < out.length; i++) {
    total += out[i].length;
    if (total <= LIMITS.articleText) continue;
    const keep = out[i].length - (total - LIMITS.articleText);
    const lost = out.slice(i).join('').length - Math.max(0, keep);
    warn(
      `text over the ${LIMITS.articleText} characters an article takes: its last ${lost} characters left out ("${out[i].slice(Math.max(0, keep), Math.max(0, keep) + 30)}…")`,
    );
    out.splice(i, out.length - i, ...(keep > 0 ? [out[i].slice(0, keep)] : []));
    break;
  }
  return out;
}

/**
 * A line of the text layer as lines of at most LIMITS.textLength characters, each where its
 * characters stand (the line's width shared by the characters).
 */
export function layerLines(line: TextLine): TextLine[] {
  if (line.text.length <= LIMITS.textLength) return [line];
  const chars = [...line.text];
  const out: TextLine[] = [];
  let from = 0;
  let piece = '';
  let count = 0;
  const close = () => {
    out.push({
      text: piece,
      x: round(line.x + (line.w * from) / chars.length),
      y: line.y,
      w: round((line.w * count) / chars.length),
      h: line.h,
    });
    from += count;
    piece = '';
    count = 0;
  };
  for (const c of chars) {
    if (piece.length + c.length > LIMITS.textLength) close();
    piece += c;
    count++;
  }
  close();
  return out;
}

/**
 * A region's shapes within LIMITS.shapesPerRegion: the pieces past the last one the format takes
 * are covered by one rectangle around them, with a warning.
 */
export function fitShapes(shapes: Shape[], pieces: Box[], place: Place, warnings: ImportWarning[]): Shape[] {
  const max = LIMITS.shapesPerRegion;
  if (shapes.length <= max) return shapes;
  const rest = pieces.slice(max - 1);
  const x = Math.min(...rest.map((b) => b.x));
  const y = Math.min(...rest.map((b) => b.y));
  const w = Math.max(...rest.map((b) => b.x + b.w)) - x;
  const h = Math.max(...rest.map((b) => b.y + b.h)) - y;
  warnings.push({
    path: place.path,
    message: `${said(place)}: its region in ${shapes.length} pieces, over the ${max} the format takes: the last ${rest.length} covered by one rectangle`,
  });
  return [...shapes.slice(0, max - 1), { rect: { x: round(x), y: round(y), w: round(w), h: round(h) } }];
}
