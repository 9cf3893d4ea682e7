/**
 * What the importers share: their result and error types, id and text helpers, and the XML/HTML
 * parser hook. Plain functions only; nothing here touches `document` or `window`.
 */
import { LIMITS, type Edition, type Rect } from '../schema.js';
import { useJumpChecks } from '../validate.js';
import { checkJumps } from '../continued/jump-checks.js';

// What the importers write is checked in full, continued articles' jumps included.
useJumpChecks(checkJumps);

/** Something an importer could not map, and where in its input: never a silent loss. */
export interface ImportWarning {
  /** Where in the input, e.g. `structures[2].items[0]` or `div[ART_2].area[3]`. */
  path: string;
  message: string;
  /** Set when a page, a page file or a manifest of the input is left out of the edition (the command then exits with `EXIT.partial`). */
  leftOut?: true;
}

/** An edition that passed `validateEdition`, and what could not be carried into it. */
export interface ImportResult {
  edition: Edition;
  warnings: ImportWarning[];
}

/** Thrown for input an importer cannot read at all (not a manifest, no structMap, no date…). */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    /** Where in the input; '' for the input as a whole. */
    readonly path: string,
    message: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** Parses XML or HTML text into a Document, as `DOMParser#parseFromString` does. */
export type ParseDocument = (text: string) => Document;

/**
 * The parser to use: the caller's, else the platform's `DOMParser` (browsers). Node has none, so
 * there the caller must pass one (for instance from a DOM library); otherwise a clear error.
 */
export function documentParser(given: ParseDocument | undefined, type: DOMParserSupportedType, option: string): ParseDocument {
  if (given) return given;
  const Parser = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (typeof Parser !== 'function')
    throw new ImportError(
      `options.${option}`,
      `no DOMParser in this environment (Node has none): pass options.${option}, a function (text) => Document`,
    );
  return (text) => new Parser().parseFromString(text, type);
}

/** Characters of one input document the importers read at most (64 Mi): more is refused before parsing. */
export const MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

/**
 * Refuses what no newspaper XML needs and hostile XML uses: entity declarations (entity
 * expansion, external entities) and documents past {@link MAX_DOCUMENT_CHARS}.
 */
export function guardMarkup(text: string, path: string, what: string): void {
  if (text.length > MAX_DOCUMENT_CHARS)
    throw new ImportError(path, `${what} of ${text.length} characters, over the ${MAX_DOCUMENT_CHARS} the importers read: refused`);
  // Declarations stand in the prolog, before the root element.
  const root = text.search(/<[A-Za-z_]/);
  const prolog = root < 0 ? text : text.slice(0, root);
  if (what === 'XML' && /<!ENTITY/i.test(prolog))
    throw new ImportError(
      path,
      'the XML declares entities in a DTD (<!ENTITY>): refused, as no METS, ALTO or IIIF file needs them and they can expand without bound',
    );
}

/**
 * Checks the text ({@link guardMarkup}), calls the parser, and turns its exceptions and
 * `<parsererror>` documents into an ImportError: whatever parser the caller brings, the
 * importers throw nothing else.
 */
export function parseWith(parse: ParseDocument, text: string, path: string, what: string): Document {
  if (typeof text !== 'string') throw new ImportError(path, `expected ${what} text, got ${text === null ? 'null' : typeof text}`);
  guardMarkup(text, path, what);
  let doc: Document;
  try {
    doc = parse(text);
  } catch (error) {
    throw new ImportError(path, `not well-formed ${what}: ${(error as Error).message}`);
  }
  const failure = doc?.getElementsByTagName?.('parsererror')[0];
  if (!doc || !doc.documentElement) throw new ImportError(path, `not well-formed ${what}: the parser returned no document`);
  if (failure) {
    const detail = (failure.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    throw new ImportError(path, `not well-formed ${what}${detail ? `: ${detail}` : ''}`);
  }
  return doc;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Hands out ids valid in the edition format, unique within one kind (pages, articles). */
export class IdFactory {
  private readonly used = new Set<string>();
  constructor(private readonly prefix: string) {}

  /**
   * An id from `candidate` (made valid: other characters become `-`, cut to the length limit),
   * else `${prefix}${n}`; a clash gets `-2`, `-3`…
   */
  next(candidate: string | undefined, n: number): string {
    let base = slug(candidate ?? '');
    if (!base || RESERVED.has(base)) base = `${this.prefix}${n}`;
    let id = base;
    for (let k = 2; this.used.has(id); k++) {
      const suffix = `-${k}`;
      id = base.slice(0, LIMITS.idLength - suffix.length) + suffix;
    }
    this.used.add(id);
    return id;
  }
}

/** `candidate` as an edition id: letters, digits, `_ . : -`, starting with a letter or digit. */
export function slug(candidate: string): string {
  const id = candidate
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, LIMITS.idLength)
    .replace(/[-_.:]+$/, '');
  return ID_PATTERN.test(id) ? id : '';
}

/** The last meaningful path segment of a URI (`…/range/r1` → `r1`, `…/issue-7/manifest` → `issue-7`). */
export function lastSegment(uri: string | undefined, skip: readonly string[] = []): string | undefined {
  if (!uri) return undefined;
  const path = uri.replace(/[?#].*$/, '');
  const segments = path.split('/').filter(Boolean);
  while (segments.length) {
    const segment = decodeSafely(segments.pop()!).replace(/\.(json|jsonld|xml)$/i, '');
    if (segment && !skip.includes(segment.toLowerCase()) && !/^[a-z]+:$/i.test(segment)) return segment;
  }
  return undefined;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A URL path with its escapes decoded (`/` kept), or as is when a stray `%` makes it undecodable. */
export function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Collapses runs of white space and trims. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `text` cut to `max` characters, with a warning when it had to be cut. */
export function fitText(text: string, max: number, path: string, what: string, warnings: ImportWarning[]): string {
  if (text.length <= max) return text;
  warnings.push({ path, message: `${what} longer than ${max} characters, cut` });
  return `${text.slice(0, max - 1)}…`;
}

/** Rounds to a thousandth of a page unit: enough precision, none of the float noise. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The part of `rect` inside a `width` × `height` page, or undefined when nothing is left. A rect that
 * sticks out by more than half a unit is reported; rounding noise is clipped silently.
 */
export function clipRect(rect: Rect, width: number, height: number, path: string, warnings: ImportWarning[]): Rect | undefined {
  const x0 = Math.max(0, rect.x);
  const y0 = Math.max(0, rect.y);
  const x1 = Math.min(width, rect.x + rect.w);
  const y1 = Math.min(height, rect.y + rect.h);
  if (x1 - x0 <= 0 || y1 - y0 <= 0) {
    warnings.push({ path, message: `rectangle ${describeRect(rect)} lies outside the page (${width} × ${height}), skipped` });
    return undefined;
  }
  const overshoot = Math.max(-rect.x, -rect.y, rect.x + rect.w - width, rect.y + rect.h - height);
  if (overshoot > 0.5)
    warnings.push({ path, message: `rectangle ${describeRect(rect)} reaches outside the page (${width} × ${height}), clipped` });
  return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

/** Points clamped into the page, with a warning when a point moved by more than half a unit. */
export function clampPolygon(
  points: [number, number][],
  width: number,
  height: number,
  path: string,
  warnings: ImportWarning[],
): [number, number][] {
  let moved = 0;
  const out = points.map(([x, y]): [number, number] => {
    const cx = Math.min(width, Math.max(0, x));
    const cy = Math.min(height, Math.max(0, y));
    moved = Math.max(moved, Math.abs(cx - x), Math.abs(cy - y));
    return [round(cx), round(cy)];
  });
  if (moved > 0.5) warnings.push({ path, message: `polygon reaches outside the page (${width} × ${height}), clamped` });
  return out;
}

function describeRect(rect: Rect): string {
  return `${round(rect.x)},${round(rect.y)},${round(rect.w)},${round(rect.h)}`;
}

/** The region shapes of one article on one page, split into regions of at most the format's limit. */
export function chunkShapes<T>(shapes: T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < shapes.length; i += LIMITS.shapesPerRegion) chunks.push(shapes.slice(i, i + LIMITS.shapesPerRegion));
  return chunks;
}

/** A BCP 47-looking tag, as the edition format accepts it. */
export function isLanguageTag(tag: string | undefined | null): tag is string {
  return !!tag && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag);
}

/** An ISO date (YYYY-MM-DD) at the start of `text`, if any: `2021-01-08T00:00:00Z` → `2021-01-08`. */
export function isoDatePrefix(text: string | undefined | null): string | undefined {
  const match = /^\s*(\d{4}-\d{2}-\d{2})(?![\d])/.exec(text ?? '');
  return match?.[1];
}

/**
 * Han, kana and CJK punctuation: scripts written without spaces between words. Hangul is not
 * included, since Korean separates words with spaces.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\u30FB-\u30FC\uFF00-\uFF60\uFFE0-\uFFEF]/u;

export function isCjk(char: string | undefined): boolean {
  return !!char && CJK.test(char);
}

/** First and last code points of a string. */
export function firstChar(text: string): string | undefined {
  return text.length ? String.fromCodePoint(text.codePointAt(0)!) : undefined;
}
export function lastChar(text: string): string | undefined {
  // From the end, without splitting the whole text: it is called on growing paragraphs.
  if (!text) return undefined;
  const low = text.charCodeAt(text.length - 1);
  const high = text.length > 1 ? text.charCodeAt(text.length - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(-2) : text.slice(-1);
}
