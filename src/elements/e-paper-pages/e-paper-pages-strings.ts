import { localize } from '../../i18n/localize.js';

/** UI strings of the page strip (`<e-paper-pages>`). */
export interface PagesStrings {
  /** The strip's name (版面导航). */
  label: string;
}

const en: PagesStrings = { label: 'Pages' };
const zhCN: PagesStrings = { label: '版面' };

/** The page strip's strings for a UI language tag (see `localize`). */
export const pagesStrings = (lang: string | null | undefined): PagesStrings => localize(lang, 'pages', zhCN, en);
