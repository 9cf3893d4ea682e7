/** UI strings of the page strip (`<e-paper-pages>`). */
export interface PagesStrings {
  /** The strip's name (版面导航). */
  label: string;
}

const en: PagesStrings = { label: 'Pages' };
const zhCN: PagesStrings = { label: '版面' };

/** The en set when `lang` is English, else zh-CN. */
export const pagesStrings = (lang: string | null | undefined): PagesStrings => (lang?.toLowerCase().startsWith('en') ? en : zhCN);
