/**
 * The reading-state record: what <e-paper> remembers of one reader in one edition, and the pure
 * helpers around it. `sanitizeRecord` turns whatever storage hands back into a record that is safe to
 * use (or null); `mergeRecords` (merge-records.ts, with the writer) combines two writers of the same
 * record (two tabs). No storage, no DOM.
 *
 * Records are treated as immutable values: helpers return new objects and never mutate their inputs.
 */

/** The schema version of {@link ReadingRecord}. A record of any other version is not used. */
export const RECORD_VERSION = 1;

/** Range of the reader's text size (a factor of the default size). */
export const TEXT_SCALE_MIN = 0.75;
export const TEXT_SCALE_MAX = 2;

/** Largest zoom a saved view may restore; a larger saved value is clamped to it. */
export const VIEW_SCALE_MAX = 10;

/** Zoom and pan: `x`, `y` are the page point (page units) at the centre of the viewport. */
export interface ReadingView {
  scale: number;
  x: number;
  y: number;
}

/**
 * The article open in the reader and where the reader was in it: a fraction of its length (0..1)
 * and the index of the paragraph at the top, so the place survives another text size or screen.
 */
export interface OpenArticle {
  article: string;
  fraction: number;
  paragraph: number;
}

/** Where read aloud was: the article, the block (-1 the headline, 0… the body paragraphs) and the speed. */
export interface AloudPlace {
  article: string;
  paragraph: number;
  rate: number;
}

/** What is kept per edition (schema version 1). */
export interface ReadingRecord {
  v: typeof RECORD_VERSION;
  editionId: string;
  /** Id of the page shown. */
  page?: string;
  view?: ReadingView;
  /**
   * The last view of each page the reader has zoomed or panned, by page id (the shown page's
   * too); `null`: the page was last shown whole (kept, so that a merge cannot bring back an older zoom).
   */
  views?: Record<string, ReadingView | null>;
  open?: OpenArticle;
  /** Furthest progress through each article, 0..1, by article id. */
  progress: Record<string, number>;
  /** Ids of the articles read, in the order they were marked. */
  read: string[];
  /** Text size in the reader, {@link TEXT_SCALE_MIN}..{@link TEXT_SCALE_MAX}. */
  textScale?: number;
  /** Read aloud's place and speed (an addition to version 1: older records have none). */
  aloud?: AloudPlace;
  /** `Date.now()` of the last change; 0 for a record nothing was written to. */
  updatedAt: number;
}

/**
 * What a reader chose that holds for every edition, kept apart from the records of the editions
 * (under `${storageKey}::reader`, a key no edition's can be): the view (`page` or the text view).
 */
export interface ReaderChoices {
  view?: 'page' | 'text';
}

/** The usable part of a stored {@link ReaderChoices} (read from IndexedDB): an unknown value is dropped. */
export function sanitizeChoices(raw: unknown): ReaderChoices {
  // What IndexedDB hands back is a structured clone: no getter or proxy can throw here.
  const view = isObject(raw) && own(raw, 'view');
  return view === 'page' || view === 'text' ? { view } : {};
}

/** The ids of the edition in view: only these may appear in a record. */
export interface EditionIds {
  articleIds: readonly string[];
  pageIds: readonly string[];
  /**
   * False while some of the edition's articles are in page files not loaded yet: then any id of
   * the format's shape is kept too (the record is for this edition id all the same).
   */
  allArticlesKnown?: boolean;
}

/** The shape of an id in the edition format (its schema checks the same). */
const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** What a stored value is checked against. */
export interface RecordContext extends EditionIds {
  editionId: string;
}

/** The fields a writer can change; the unit of "last write wins". */
export type RecordField = 'page' | 'view' | 'views' | 'open' | 'textScale' | 'progress' | 'read' | 'aloud';

// Keys that could reach a prototype if some later code assigned them; never taken from input.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A corrupt `read` array could claim a huge length; no edition has more articles than this.
const MAX_READ_ENTRIES = 10_000;

/** A record with nothing in it yet. */
export function emptyRecord(editionId: string): ReadingRecord {
  return { v: RECORD_VERSION, editionId, progress: {}, read: [], updatedAt: 0 };
}

/**
 * Checks a stored value and returns the usable part of it as a fresh record, or null when it is
 * not a version-1 record of `ctx.editionId`. Unknown page and article ids are dropped (the edition
 * may have changed since); non-finite numbers are dropped; fractions are clamped to 0..1, the text
 * size to its range and the view's scale to (0, {@link VIEW_SCALE_MAX}]. An open article with a bad
 * position keeps its id and starts from the top. Reads only own properties, never throws.
 */
export function sanitizeRecord(raw: unknown, ctx: RecordContext): ReadingRecord | null {
  try {
    return sanitize(raw, ctx);
  } catch {
    // Only a hostile value (a Proxy, a throwing getter) gets here: treat it as corrupt.
    return null;
  }
}

function sanitize(raw: unknown, ctx: RecordContext): ReadingRecord | null {
  if (!isObject(raw) || own(raw, 'v') !== RECORD_VERSION || own(raw, 'editionId') !== ctx.editionId) return null;
  const articles = new Set(ctx.articleIds);
  const known = (id: unknown): id is string =>
    typeof id === 'string' && !FORBIDDEN_KEYS.has(id) && (articles.has(id) || (ctx.allArticlesKnown === false && ID_SHAPE.test(id)));

  const record = emptyRecord(ctx.editionId);
  const updatedAt = own(raw, 'updatedAt');
  if (isFiniteNumber(updatedAt) && updatedAt > 0) record.updatedAt = updatedAt;

  const page = own(raw, 'page');
  if (typeof page === 'string' && !FORBIDDEN_KEYS.has(page) && ctx.pageIds.includes(page)) record.page = page;

  const view = sanitizeView(own(raw, 'view'));
  if (view) record.view = view;

  const views = own(raw, 'views');
  if (isObject(views)) {
    const entries: [string, ReadingView | null][] = [];
    for (const id of ctx.pageIds) {
      if (FORBIDDEN_KEYS.has(id)) continue;
      const raw = own(views, id);
      const pageView = raw === null ? null : sanitizeView(raw);
      if (pageView !== undefined) entries.push([id, pageView]);
    }
    if (entries.length) record.views = Object.fromEntries(entries);
  }

  const open = own(raw, 'open');
  if (isObject(open) && known(own(open, 'article'))) {
    const fraction = own(open, 'fraction');
    const paragraph = own(open, 'paragraph');
    record.open = {
      article: own(open, 'article') as string,
      fraction: isFiniteNumber(fraction) ? clamp(fraction, 0, 1) : 0,
      paragraph: isFiniteNumber(paragraph) ? Math.max(0, Math.floor(paragraph)) : 0,
    };
  }

  const progress = own(raw, 'progress');
  if (isObject(progress)) {
    // Built from entries, so no key is ever assigned through a prototype setter.
    const entries: [string, number][] = [];
    for (const id of Object.keys(progress)) {
      const value = own(progress, id);
      if (known(id) && isFiniteNumber(value)) entries.push([id, clamp(value, 0, 1)]);
    }
    record.progress = Object.fromEntries(entries);
  }

  const read = own(raw, 'read');
  if (Array.isArray(read)) {
    const ids = new Set<string>();
    for (const id of read.slice(0, MAX_READ_ENTRIES)) if (known(id)) ids.add(id);
    record.read = [...ids];
  }

  const textScale = own(raw, 'textScale');
  if (isFiniteNumber(textScale)) record.textScale = clamp(textScale, TEXT_SCALE_MIN, TEXT_SCALE_MAX);

  const aloud = own(raw, 'aloud');
  if (isObject(aloud) && known(own(aloud, 'article'))) {
    const paragraph = own(aloud, 'paragraph');
    const rate = own(aloud, 'rate');
    record.aloud = {
      article: own(aloud, 'article') as string,
      paragraph: isFiniteNumber(paragraph) ? Math.max(-1, Math.floor(paragraph)) : -1,
      rate: isFiniteNumber(rate) ? clamp(rate, 0.5, 2) : 1,
    };
  }

  return record;
}

function sanitizeView(view: unknown): ReadingView | undefined {
  if (!isObject(view)) return undefined;
  const scale = own(view, 'scale');
  const x = own(view, 'x');
  const y = own(view, 'y');
  return isFiniteNumber(scale) && scale > 0 && isFiniteNumber(x) && isFiniteNumber(y)
    ? { scale: Math.min(scale, VIEW_SCALE_MAX), x, y }
    : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: a polluted `Object.prototype` must not supply a field. */
function own(object: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
