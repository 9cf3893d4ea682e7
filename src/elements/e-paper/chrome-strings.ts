import { isolate } from '../../i18n/strings.js';
import { localize } from '../../i18n/localize.js';

/**
 * The viewer's strings of what comes after `e-paper-ready` (the toolbar's end, the list, the
 * notices of the chrome): its zh-CN and en here, its zh-Hant in zh-hant.ts. Hosts give them as
 * `viewer` (`registerStrings(tag, { viewer: { search } })`), beside the first render's own.
 */
export interface ChromeStrings {
  /** The list of articles of the page (标题导航). */
  contents: string;
  contentsLabel: (pageLabel: string) => string;
  /** The list of every page and its articles (版面导航), when the edition has several pages. */
  editionContents: string;
  /** The toolbar button that opens the search. */
  search: string;
  /** The toolbar's toggle between the page and the text view (pressed: the text view). */
  textView: string;
  clearHistory: string;
  /** Takes back the clearing of the reading history. */
  undo: string;
  continueReading: (headline: string) => string;
  dismiss: string;
  unknownArticle: (id: string) => string;
}

const zh: ChromeStrings = {
  contents: '标题导航',
  contentsLabel: (page) => `${isolate(page)} 版标题导航`,
  editionContents: '版面导航',
  search: '搜索',
  textView: '文字版',
  clearHistory: '清除本期阅读记录',
  undo: '撤销',
  continueReading: (headline) => `继续阅读《${isolate(headline)}》`,
  dismiss: '关闭提示',
  unknownArticle: (id) => `本期没有编号为“${isolate(id)}”的文章。`,
};

const en: ChromeStrings = {
  contents: 'Articles',
  contentsLabel: (page) => `Articles on page ${isolate(page)}`,
  editionContents: 'Contents',
  search: 'Search',
  textView: 'Text view',
  clearHistory: 'Clear reading history',
  undo: 'Undo',
  continueReading: (headline) => `Continue reading “${isolate(headline)}”`,
  dismiss: 'Dismiss',
  unknownArticle: (id) => `This edition has no article “${isolate(id)}”.`,
};

/** The chrome's strings for a UI language. */
export const chromeStrings = (lang: string | null | undefined): ChromeStrings => localize(lang, 'viewer', zh, en);
