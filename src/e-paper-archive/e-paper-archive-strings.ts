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

const cache = new Map<boolean, ArchiveStrings>();

function make(en: boolean): ArchiveStrings {
  const format = (options: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(en ? 'en-GB' : 'zh-CN', { timeZone: 'UTC', ...options });
    return (iso: string) => f.format(Date.parse(`${iso}T00:00:00Z`));
  };
  const day = format({ year: 'numeric', month: en ? 'short' : 'long', day: 'numeric' });
  const weekdayLong = format({ weekday: 'long' });
  const dayOfYear = format({ month: en ? 'short' : 'long', day: 'numeric' });
  const weekdayShort = format({ weekday: 'short' });
  const weekday = format({ weekday: en ? 'short' : 'narrow' });
  const words = en
    ? { previous: 'Previous edition', next: 'Next edition', choose: 'Choose a date', previousMonth: 'Previous month', nextMonth: 'Next month', loading: 'Loading…' }
    : { previous: '上一期', next: '下一期', choose: '选择日期', previousMonth: '上个月', nextMonth: '下个月', loading: '载入中…' };
  return {
    ...words,
    date: (iso) => (en ? `${weekday(iso)} ${day(iso)}` : `${day(iso)} ${weekdayLong(iso)}`),
    shortDate: (iso) => (en ? `${weekday(iso)} ${dayOfYear(iso)}` : `${dayOfYear(iso)} ${weekdayShort(iso)}`),
    month: format({ year: 'numeric', month: 'long' }),
    weekday,
    weekdayLong,
  };
}

/** The English strings when `lang` starts with "en", else the zh-CN ones. */
export function archiveStrings(lang: string | null | undefined): ArchiveStrings {
  const en = !!lang?.toLowerCase().startsWith('en');
  let strings = cache.get(en);
  if (!strings) cache.set(en, (strings = make(en)));
  return strings;
}
