import { isolate } from '../../i18n/strings.js';
import { localize } from '../../i18n/localize.js';

/** UI strings of `<e-paper-search>`. */
export interface SearchStrings {
  /** The search landmark's and the field's name, and the field's placeholder. */
  label: string;
  close: string;
  results: string;
  none: string;
  /** The live count: `matches` in `places` texts, of which the first `shown` are listed. */
  count: (matches: number, shown: number, places: number) => string;
  /** Beside an article's headline: its `matches` in all. */
  inArticle: (matches: number) => string;
  /** After a result whose text has `others` matches more than the one shown. */
  more: (others: number) => string;
  /** A group heading: the page's label as printed. */
  page: (label: string) => string;
  /** The group of articles on no page. */
  other: string;
}

const zh: SearchStrings = {
  label: '搜索本期',
  close: '关闭搜索',
  results: '搜索结果',
  none: '无结果',
  count: (matches, shown, places) => (shown < places ? `共 ${matches} 处，显示前 ${shown} 条` : `${matches} 处`),
  inArticle: (matches) => `${matches} 处`,
  more: (others) => `另 ${others} 处`,
  page: (label) => `${isolate(label)} 版`,
  other: '其他',
};

const en: SearchStrings = {
  label: 'Search this edition',
  close: 'Close search',
  results: 'Search results',
  none: 'No matches',
  count: (matches, shown, places) =>
    shown < places ? `${matches} matches, showing the first ${shown} places` : `${matches} ${matches === 1 ? 'match' : 'matches'}`,
  inArticle: (matches) => `${matches} ${matches === 1 ? 'match' : 'matches'}`,
  more: (others) => `+${others} more`,
  page: (label) => `Page ${isolate(label)}`,
  other: 'Other',
};

/** The search's strings for a UI language tag (see `localize`). */
export const searchStrings = (lang: string | null | undefined): SearchStrings => localize(lang, 'search', zh, en);
