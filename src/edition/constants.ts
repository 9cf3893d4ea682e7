/**
 * The format's constants that the first render reads without its schema (schema.ts re-exports
 * them): the parts of an article a block shows, and the one check an id has that a pattern cannot
 * say. A module apart, so that the first render reads them without valibot (it checks an edition
 * with schema-check.ts, generated from the schema). The caps the viewer checks itself are caps.ts.
 */

const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** An id is none of the words that name an object's own machinery. */
export const notReserved = (id: string): boolean => !RESERVED_IDS.has(id);

/** The parts of an article that a typeset block can show. */
export const ARTICLE_PARTS = ['banner', 'kicker', 'headline', 'subheads', 'bylines', 'photo', 'body'] as const;
