import * as v from 'valibot';
import { ARCHIVE_LIMITS, ArchiveSchema, type Archive, type ArchiveEntry } from './archive-schema.js';
import { EditionError, MAX_PROBLEMS, describeIssue, parseJson, quoteData, type EditionProblem } from '../validate.js';
import { failedLoad, fetchText, type LoadOptions } from '../load.js';
import { safeHttpUrl } from '../urls.js';

/** An index nests 3 deep: past this, JSON text is refused before JSON.parse spends seconds on it. */
const MAX_DEPTH = 8;

/** Objects without a prototype, so that fields a host page added to Object.prototype are not the data's. */
const reviver = (_: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.assign(Object.create(null) as object, value) : value;

/** Refuses too many editions before anything walks them. */
function checkLength(data: unknown): void {
  const list = (data as { editions?: unknown } | null)?.editions;
  if (Array.isArray(list) && list.length > ARCHIVE_LIMITS.editions) {
    throw new EditionError([{ path: 'editions', message: `expected at most ${ARCHIVE_LIMITS.editions} editions, got ${list.length}` }]);
  }
}

/** Checks a prototype-free copy of the data; throws an EditionError. */
function check(data: unknown, baseUrl: string): Archive {
  checkLength(data);
  const result = v.safeParse(ArchiveSchema, data, { abortPipeEarly: true });
  if (!result.success) throw new EditionError(result.issues.slice(0, MAX_PROBLEMS).map(describeIssue));
  const problems: EditionProblem[] = [];
  const seen = new Set<string>();
  const editions: ArchiveEntry[] = result.output.editions.map(({ date, src, label }, i) => {
    const url = safeHttpUrl(src, baseUrl);
    if (!url) problems.push({ path: `editions[${i}].src`, message: `expected an http(s) URL, got ${quoteData(JSON.stringify(src))}` });
    if (seen.has(date)) problems.push({ path: `editions[${i}].date`, message: `duplicate date "${date}"` });
    seen.add(date);
    return label === undefined ? { date, src: url! } : { date, src: url!, label };
  });
  if (problems.length) throw new EditionError(problems.slice(0, MAX_PROBLEMS));
  editions.sort((a, b) => (a.date < b.date ? -1 : 1));
  const { title } = result.output;
  return title === undefined ? { editions } : { title, editions };
}

/** Runs `read`, turning anything but an EditionError (a throwing getter, a proxy) into one. */
function guarded(read: () => Archive): Archive {
  try {
    return read();
  } catch (error) {
    if (error instanceof EditionError) throw error;
    throw new EditionError([
      { path: '', message: `the archive index could not be read: ${quoteData(String((error as Error)?.message ?? error))}` },
    ]);
  }
}

/**
 * Checks that `data` is an archive index of format version 1 and returns it with every `src`
 * resolved against `baseUrl` and the editions sorted by date. Throws an {@link EditionError}
 * naming each problem's path; never anything else.
 */
export function validateArchive(data: unknown, baseUrl: string): Archive {
  return guarded(() => {
    checkLength(data);
    const json = JSON.stringify(data);
    return check(json === undefined ? data : JSON.parse(json, reviver), baseUrl);
  });
}

/** Parses JSON text and validates it as an archive index; bad JSON is an EditionError too. */
export function parseArchive(json: string, baseUrl: string): Archive {
  const data = parseJson(json, MAX_DEPTH, reviver);
  return guarded(() => check(data, baseUrl));
}

/**
 * Fetches and validates an archive index, as `loadEdition` fetches an edition: every failure is
 * an `EditionLoadError` (network, http, timeout, too-large, empty, not-json, invalid with its
 * problems); an abort through `signal` rejects with the signal's reason.
 */
export async function loadArchive(url: string | URL, options: LoadOptions = {}): Promise<Archive> {
  const text = await fetchText(url, options);
  try {
    return parseArchive(text, new URL(url, globalThis.document?.baseURI).href);
  } catch (error) {
    throw await failedLoad(error, text, 'an archive index');
  }
}
