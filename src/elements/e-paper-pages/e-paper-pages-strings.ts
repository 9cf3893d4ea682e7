import { localize } from '../../i18n/localize.js';

/** UI strings of the page strip (`<e-paper-pages>`). */
export interface PagesStrings {
  /** The strip's name (版面导航). */
  label: string;
  /** Said after a page's label when its file could not be loaded (choosing it tries again). */
  failed: string;
}

const en: PagesStrings = { label: 'Pages', failed: 'could not be loaded; choose it to try again' };
const zhCN: PagesStrings = { label: '版面', failed: '未能载入，选择以重试' };

/** The page strip's strings for a UI language tag (see `localize`). */
export const pagesStrings = (lang: string | null | undefined): PagesStrings => localize(lang, 'pages', zhCN, en);
