/**
 * The format's constants that code reads without its schema (schema.ts re-exports them): the
 * caps, the kinds and parts, and the one check an id has that a pattern cannot say. A module
 * apart, so that the first render reads them without valibot (it checks an edition with
 * schema-check.ts, generated from the schema).
 */

/** Caps that protect the reader's browser from absurd files. */
export const LIMITS = {
  idLength: 64,
  textLength: 400,
  paragraphLength: 20_000,
  paragraphs: 500,
  pages: 500,
  articles: 2_000,
  blocksPerPage: 500,
  shapesPerRegion: 50,
  regionsPerPage: 2_000,
  pointsPerPolygon: 1_000,
  pageUnits: 100_000,
  /** Characters of body text in one article. */
  articleText: 500_000,
  /** Characters of body text set on one page (blocks that share an article each count). */
  pageText: 500_000,
  /** Items in any one list, checked before the items are (the caps above give their own messages below it). */
  listItems: 10_000,
  /** Levels of nesting of lists and objects (an edition needs 9). */
  nesting: 16,
  /** Values (objects, lists, strings, numbers…) in the whole edition. */
  values: 1_000_000,
  /** Footer channels. */
  channels: 20,
  /** Images in a scan's srcset. */
  srcset: 20,
  /** Lines of a scan page's text layer. */
  textLines: 10_000,
  /** Characters of a scan page's text layer, all its lines together. */
  textLayer: 500_000,
  /** Jump lines (转X版) of continued articles on one page. */
  jumpsPerPage: 200,
} as const;

const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** An id is none of the words that name an object's own machinery. */
export const notReserved = (id: string): boolean => !RESERVED_IDS.has(id);

/**
 * What a unit of the paper is. `news` (the default) is an article; the others are units a
 * publisher's material marks apart (an advertisement, a notice such as a publishing statement or
 * an announcement, the masthead or title section, an illustration standing alone, anything else).
 * Every kind is shown and can be opened; only the kinds in the edition's `readingOrder` (news by
 * default) count in the reader's previous/next and its "3 / 9".
 */
export const ARTICLE_KINDS = ['news', 'advertisement', 'notice', 'masthead', 'illustration', 'other'] as const;

/** The parts of an article that a typeset block can show. */
export const ARTICLE_PARTS = ['banner', 'kicker', 'headline', 'subheads', 'bylines', 'photo', 'body'] as const;

/** The roles a web font plays on a typeset page. */
export const FONT_ROLES = ['body', 'headline', 'masthead'] as const;
