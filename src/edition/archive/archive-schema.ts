/**
 * The archive index format, version 1: the list of a paper's editions by date, for the date
 * picker. `{format: 'e-paper-archive', version: 1, title?, editions: [{date, src, label?}]}`;
 * each `src` is resolved against the index's own URL.
 */
import * as v from 'valibot';
import { LIMITS } from '../schema.js';
import { isRealDate } from './calendar.js';

export const ARCHIVE_LIMITS = {
  editions: 20_000,
  urlLength: 2_000,
} as const;

/**
 * Schema entries without a prototype: valibot walks a schema's entries with for…in, and would
 * take fields a host page added to Object.prototype for schemas of its own.
 */
const bare = <T extends object>(entries: T): T => Object.assign(Object.create(null) as object, entries);

const text = v.pipe(v.string('expected a string'), v.maxLength(LIMITS.textLength, `expected at most ${LIMITS.textLength} characters`));

export const ArchiveEntrySchema = v.strictObject(
  bare({
    date: v.pipe(v.string('expected a date'), v.check(isRealDate, 'expected a date as YYYY-MM-DD')),
    src: v.pipe(
      v.string('expected a URL'),
      v.check((src) => src.length > 0, 'expected a URL'),
      v.maxLength(ARCHIVE_LIMITS.urlLength, `expected a URL of at most ${ARCHIVE_LIMITS.urlLength} characters`),
    ),
    label: v.optional(text),
  }),
  'expected an edition {date, src, label}',
);

export const ArchiveSchema = v.strictObject(
  bare({
    format: v.literal('e-paper-archive', 'expected "e-paper-archive"'),
    version: v.literal(1, 'expected version 1'),
    title: v.optional(text),
    editions: v.pipe(
      v.array(ArchiveEntrySchema, 'expected a list of editions'),
      v.maxLength(ARCHIVE_LIMITS.editions, `expected at most ${ARCHIVE_LIMITS.editions} editions`),
    ),
  }),
  'expected an archive index (an object)',
);

/** One edition of the archive: its date, its absolute http(s) URL, and a label if given. */
export interface ArchiveEntry {
  date: string;
  src: string;
  label?: string;
}

/** A validated archive: its editions sorted by date, one per date. */
export interface Archive {
  title?: string;
  editions: ArchiveEntry[];
}
