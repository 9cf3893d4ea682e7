/**
 * The format's constants that the first render reads without its schema (schema.ts re-exports
 * them): the caps the viewer checks itself, the parts of an article a block shows, and the one
 * check an id has that a pattern cannot say. A module
 * apart, so that the first render reads them without valibot (it checks an edition with
 * schema-check.ts, generated from the schema).
 */

/**
 * The caps that the viewer's own checks read before it draws (the quiet checks of
 * validate-core.ts) or beside a page file: {@link LIMITS} in schema.ts holds every cap, these too.
 * Apart, so that the first render carries these numbers without the whole table.
 */
/** Levels of nesting of lists and objects (an edition needs 9). */
export const NESTING = 16;
/** Items in any one list, checked before the items are (the caps above give their own messages below it). */
export const LIST_ITEMS = 10_000;
/** Values (objects, lists, strings, numbers…) in the whole edition. */
export const VALUES = 1_000_000;
/** Characters of body text in one article. */
export const ARTICLE_TEXT = 500_000;
/** Characters of body text set on one page (blocks that share an article each count). */
export const PAGE_TEXT = 500_000;
/** Characters of a scan page's text layer, all its lines together. */
export const TEXT_LAYER = 500_000;
/** Articles in an edition (with those of its page files). */
export const ARTICLES = 2_000;

const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** An id is none of the words that name an object's own machinery. */
export const notReserved = (id: string): boolean => !RESERVED_IDS.has(id);

/** The parts of an article that a typeset block can show. */
export const ARTICLE_PARTS = ['banner', 'kicker', 'headline', 'subheads', 'bylines', 'photo', 'body'] as const;
