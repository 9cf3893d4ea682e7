import { localize } from '../../i18n/localize.js';

/** UI strings of the date picker (`<e-paper-archive>`). Dates are formatted in UTC: a date is a day. */
export interface ArchiveStrings {
  previous: string;
  next: string;
  /** The date button's description: what it does. */
  choose: string;
  previousMonth: string;
  nextMonth: string;
  loading: string;
  /** A day in full: 2021年1月8日 星期五, Fri 8 Jan 2021. */
  date: (iso: string) => string;
  /** A day in short, for a narrow toolbar: 1月8日 周五, Fri 8 Jan. */
  shortDate: (iso: string) => string;
  /** The calendar's heading: 2021年1月, January 2021. */
  month: (iso: string) => string;
  /** A column's weekday, short (一, Mon) and long (星期一, Monday). */
  weekday: (iso: string) => string;
  weekdayLong: (iso: string) => string;
}

/** The picker's words; its dates come from `Intl`. */
export type ArchiveWords = Pick<ArchiveStrings, 'previous' | 'next' | 'choose' | 'previousMonth' | 'nextMonth' | 'loading'>;

const zhCN: ArchiveWords = {
  previous: '上一期',
  next: '下一期',
  choose: '选择日期',
  previousMonth: '上个月',
  nextMonth: '下个月',
  loading: '载入中…',
};
const en: ArchiveWords = {
  previous: 'Previous edition',
  next: 'Next edition',
  choose: 'Choose a date',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  loading: 'Loading…',
};

/** The picker's dates in `locale`: the CJK style (1月8日 周五) for Chinese, Japanese and Korean, else the Latin one (Fri 8 Jan). */
function dates(locale: string): Omit<ArchiveStrings, keyof ArchiveWords> {
  const latin = !/^(zh|ja|ko)\b/i.test(locale);
  const format = (options: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    return (iso: string) => f.format(Date.parse(`${iso}T00:00:00Z`));
  };
  const day = format({ year: 'numeric', month: latin ? 'short' : 'long', day: 'numeric' });
  const weekdayLong = format({ weekday: 'long' });
  const dayOfYear = format({ month: latin ? 'short' : 'long', day: 'numeric' });
  const weekdayShort = format({ weekday: 'short' });
  const weekday = format({ weekday: latin ? 'short' : 'narrow' });
  return {
    date: (iso) => (latin ? `${weekday(iso)} ${day(iso)}` : `${day(iso)} ${weekdayLong(iso)}`),
    shortDate: (iso) => (latin ? `${weekday(iso)} ${dayOfYear(iso)}` : `${dayOfYear(iso)} ${weekdayShort(iso)}`),
    month: format({ year: 'numeric', month: 'long' }),
    weekday,
    weekdayLong,
  };
}

/**
 * The locale the dates are formatted in: English as in Britain (8 Jan), another tag as it is where
 * `Intl` knows it (zh-CN, zh-HK, ja …), else Simplified Chinese for Chinese and no tag, British
 * English for the rest.
 */
function locale(lang: string | null | undefined): string {
  if (lang && /^en\b/i.test(lang)) return 'en-GB';
  const fallback = !lang || /^zh\b/i.test(lang) ? 'zh-CN' : 'en-GB';
  try {
    return (lang && Intl.DateTimeFormat.supportedLocalesOf(lang)[0]) || fallback;
  } catch {
    return fallback; // not a well-formed tag
  }
}

/** Made strings, by the words they were made from (new ones after a registration) and the tag. */
const made = new WeakMap<object, Map<string, ArchiveStrings>>();

/** The picker's strings for a UI language tag: its words (see `localize`) and its dates in that language. */
export function archiveStrings(lang: string | null | undefined): ArchiveStrings {
  const words: ArchiveWords & Partial<ArchiveStrings> = localize(lang, 'archive', zhCN, en);
  let byLang = made.get(words);
  if (!byLang) made.set(words, (byLang = new Map<string, ArchiveStrings>()));
  let strings = byLang.get(lang ?? '');
  if (!strings) byLang.set(lang ?? '', (strings = { ...dates(locale(lang)), ...words }));
  return strings;
}
