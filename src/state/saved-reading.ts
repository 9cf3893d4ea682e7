/**
 * The read side of the reading state, in the first render: the saved record of an edition and the
 * reader's choices, read from IndexedDB before the page is drawn (the view it opens at). What
 * writes them (src/state/reading-state.ts) loads once the reader first changes something.
 * Importing this module touches no storage; the database is opened by the first read.
 */
import { createStore, get, type UseStore } from 'idb-keyval';
import { sanitizeChoices, sanitizeRecord, type ReaderChoices, type ReadingRecord, type RecordContext } from './reading-record.js';

/** Our own database and object store: never idb-keyval's default `keyval-store`, which the host site may own or clear. */
export const READING_DB_NAME = 'e-paper';
export const READING_STORE_NAME = 'reading-state';

/** The reading state's store (createStore is lazy: the database is opened by the first operation). */
export const openReadingStore = (): UseStore => createStore(READING_DB_NAME, READING_STORE_NAME);

/** Where the reader's choices are kept: `::` cannot follow the namespace's `:` in an edition's key (an id starts with a letter or digit). */
export const choicesKey = (storageKey: string): string => `${storageKey}::reader`;

/** A storage operation's outcome: its value, or the fault (a throw, a rejection, no answer in time). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs a storage operation, raced against `timeoutMs`. Never rejects. */
export async function attempt<T>(operation: () => Promise<T>, timeoutMs: number): Promise<Outcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`IndexedDB did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // Promise.race also handles a late rejection of the operation: it is never "unhandled".
    return { ok: true, value: await Promise.race([operation(), timeout]) };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

/** What {@link readSaved} found: the saved record (null: none, or unusable: `corrupt`) and the reader's choices. */
export interface SavedReading {
  saved: ReadingRecord | null;
  corrupt: boolean;
  choices: ReaderChoices;
}

/** Reads the saved record of `ctx.editionId` under `storageKey`, sanitised against the edition's ids, and the reader's choices. */
export async function readSaved(
  store: UseStore,
  storageKey: string,
  ctx: RecordContext,
  timeoutMs: number,
): Promise<Outcome<SavedReading>> {
  const read = await attempt(
    () => Promise.all([get<unknown>(`${storageKey}:${ctx.editionId}`, store), get<unknown>(choicesKey(storageKey), store)]),
    timeoutMs,
  );
  if (!read.ok) return read;
  const [stored, choices] = read.value;
  const saved = stored === undefined ? null : sanitizeRecord(stored, ctx);
  return { ok: true, value: { saved, corrupt: stored !== undefined && !saved, choices: sanitizeChoices(choices) } };
}

/** The last view of a page in `record`, if the reader zoomed or panned it. */
export function viewOf(record: ReadingRecord | null | undefined, pageId: string): ReadingRecord['view'] {
  const views = record?.views;
  return (views && Object.hasOwn(views, pageId) && views[pageId]) || undefined;
}
