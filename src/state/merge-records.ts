/**
 * How two writers of the same reading record (two tabs) combine: with the reading state's writer
 * (reading-state.ts), which loads once the reader first changes something. The first render only
 * reads a record (reading-record.ts, saved-reading.ts) and does without this.
 *
 * Records are treated as immutable values: these return new objects and never mutate their inputs.
 */
import { RECORD_VERSION, emptyRecord, type ReadingRecord, type RecordField } from './reading-record.js';

/** Every {@link RecordField}. */
export const RECORD_FIELDS: readonly RecordField[] = ['page', 'view', 'views', 'open', 'textScale', 'progress', 'read', 'aloud'];

/**
 * Combines what is stored (`older`) with a writer's record (`newer`), field by field: for each field
 * in `changed` (the fields that writer changed; all of them by default) `newer` wins, every other
 * field keeps `older`'s value. Changed progress keeps the furthest of both per article and changed
 * read marks are the union, so two tabs never undo each other's reading. `older` of another edition
 * (or none) counts as empty. Pure: returns a new record.
 */
export function mergeRecords(
  older: ReadingRecord | null | undefined,
  newer: ReadingRecord,
  changed: Iterable<RecordField> = RECORD_FIELDS,
): ReadingRecord {
  const fields = new Set(changed);
  const base = older && older.editionId === newer.editionId ? older : emptyRecord(newer.editionId);
  const from = (field: RecordField) => (fields.has(field) ? newer : base);

  const merged: ReadingRecord = {
    v: RECORD_VERSION,
    editionId: newer.editionId,
    progress: fields.has('progress') ? furthest(base.progress, newer.progress) : { ...base.progress },
    read: fields.has('read') ? [...new Set([...base.read, ...newer.read])] : [...base.read],
    updatedAt: Math.max(base.updatedAt, newer.updatedAt),
  };
  const page = from('page').page;
  const view = from('view').view;
  // Per page, so that two tabs on different pages keep both views.
  const views = fields.has('views') ? { ...base.views, ...newer.views } : base.views && { ...base.views };
  const open = from('open').open;
  const textScale = from('textScale').textScale;
  const aloud = from('aloud').aloud;
  if (page !== undefined) merged.page = page;
  if (view !== undefined) merged.view = { ...view };
  if (views && Object.keys(views).length) merged.views = views;
  if (open !== undefined) merged.open = { ...open };
  if (textScale !== undefined) merged.textScale = textScale;
  if (aloud !== undefined) merged.aloud = { ...aloud };
  return merged;
}

function furthest(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = new Map(Object.entries(a));
  for (const [id, value] of Object.entries(b)) out.set(id, Math.max(value, out.get(id) ?? 0));
  return Object.fromEntries(out);
}
