/**
 * The caps that the viewer checks itself, before it draws (the quiet checks of validate-core.ts)
 * or beside a page file: {@link LIMITS} in schema.ts holds every cap, these too. Their one
 * source; the first render reads copies of them that `npm run schema` writes into the generated
 * schema-check.ts, so that what the parts read from here is not exported from the entry (0.05 kB).
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
