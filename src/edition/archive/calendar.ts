/**
 * Calendar maths for the archive, on 'YYYY-MM-DD' strings computed in UTC: a date is a day, not
 * an instant, so no time zone or summer time may move it.
 */
import type { Archive, ArchiveEntry } from './archive-schema.js';

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** Whether `date` is 'YYYY-MM-DD' of a day that exists (2021-02-30 is not). */
export const isRealDate = (date: string) => /^\d{4}-\d\d-\d\d$/.test(date) && !Number.isNaN(ms(date)) && iso(ms(date)) === date;

/** Days in `month` (1–12) of `year`. */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `iso` moved by `n` days. */
export const addDays = (date: string, n: number) => iso(ms(date) + n * DAY);

/** `iso` moved by `n` months, its day clamped to the target month's last (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** Day of the week of `iso`: 0 Sunday … 6 Saturday. */
export const weekday = (date: string) => new Date(ms(date)).getUTCDay();

/**
 * The weeks of `month` (1–12) of `year` as rows of 7 ISO dates, `null` for the cells outside
 * the month; weeks start on `weekStartsOn` (0 Sunday, 1 Monday).
 */
export function monthGrid(year: number, month: number, weekStartsOn = 1): (string | null)[][] {
  const first = `${year}-${pad(month)}-01`;
  const lead = (weekday(first) - weekStartsOn + 7) % 7;
  const days = daysInMonth(year, month);
  const weeks: (string | null)[][] = [];
  for (let cell = -lead; cell < days; cell += 7) {
    weeks.push(Array.from({ length: 7 }, (_, i) => (cell + i >= 0 && cell + i < days ? addDays(first, cell + i) : null)));
  }
  return weeks;
}

/** Index of the first edition dated after `date` (the editions are sorted by date). */
function after(archive: Archive, date: string): number {
  let lo = 0;
  let hi = archive.editions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (archive.editions[mid].date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The edition of `date`, if there is one. */
export function editionOn(archive: Archive, date: string): ArchiveEntry | undefined {
  const entry = nearestOnOrBefore(archive, date);
  return entry?.date === date ? entry : undefined;
}

/** The latest edition on or before `date`. */
export const nearestOnOrBefore = (archive: Archive, date: string): ArchiveEntry | undefined => archive.editions[after(archive, date) - 1];

/** The edition before (`dir` -1) or after (1) `date`, whether or not `date` has one itself. */
export function neighbour(archive: Archive, date: string, dir: -1 | 1): ArchiveEntry | undefined {
  if (dir > 0) return archive.editions[after(archive, date)];
  const at = after(archive, date) - 1;
  return archive.editions[archive.editions[at]?.date === date ? at - 1 : at];
}
