import { localize } from '../../i18n/localize.js';
import { isolate } from '../../i18n/strings.js';

/** UI strings of the reader overlay (`<e-paper-reader>`). */
export interface ReaderStrings {
  /** The dialog's name while it has no article to name it. */
  dialogLabel: string;
  close: string;
  previous: string;
  next: string;
  textSize: string;
  smaller: string;
  larger: string;
  reset: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
  /** The position shown in the header: `3 / 9`. */
  position: (index: number, count: number) => string;
  /** The same position, spoken. */
  positionLabel: (index: number, count: number) => string;
  notFound: (id: string) => string;
  /** The share button where the browser can share (Web Share); `copyLink` where it cannot. */
  share: string;
  /** The printed source line: paper, date, page. */
  source: (title: string, date: string, page: string) => string;
  /** A continued article: the name of its list of jump links. */
  parts: string;
  /** A jump link where the page prints no jump line: the article comes from page `page` (上接). */
  continuedFrom: (page: string) => string;
  /** The same where it goes on on page `page` (转). */
  continuedOn: (page: string) => string;
  /** What a jump link does: turns to page `page` and shows the part there. */
  showPart: (page: string) => string;
}

const zhCN: ReaderStrings = {
  dialogLabel: '文章阅读',
  close: '关闭',
  previous: '上一篇',
  next: '下一篇',
  textSize: '字号',
  smaller: '缩小字号',
  larger: '放大字号',
  reset: '默认字号',
  copyLink: '复制链接',
  copied: '已复制链接',
  copyFailed: '无法自动复制，请手动复制下面的链接',
  position: (index, count) => `${index} / ${count}`,
  positionLabel: (index, count) => `第 ${index} 篇，共 ${count} 篇`,
  notFound: (id) => `找不到这篇文章（${id}）。`,
  share: '分享',
  source: (title, date, page) => `${title} · ${date} · ${page} 版`,
  parts: '转版',
  continuedFrom: (page) => `上接 ${isolate(page)} 版`,
  continuedOn: (page) => `转 ${isolate(page)} 版`,
  showPart: (page) => `到 ${isolate(page)} 版查看`,
};

const en: ReaderStrings = {
  dialogLabel: 'Article reader',
  close: 'Close',
  previous: 'Previous',
  next: 'Next',
  textSize: 'Text size',
  smaller: 'Smaller text',
  larger: 'Larger text',
  reset: 'Default text size',
  copyLink: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Could not copy automatically; copy the link below',
  position: (index, count) => `${index} / ${count}`,
  positionLabel: (index, count) => `Article ${index} of ${count}`,
  notFound: (id) => `There is no article “${id}”.`,
  share: 'Share',
  source: (title, date, page) => `${title} · ${date} · page ${page}`,
  parts: 'Continued',
  continuedFrom: (page) => `Continued from page ${isolate(page)}`,
  continuedOn: (page) => `Continued on page ${isolate(page)}`,
  showPart: (page) => `Show on page ${isolate(page)}`,
};

/** The reader's strings for a UI language tag (see `localize`). */
export const readerStrings = (lang: string | null | undefined): ReaderStrings => localize(lang, 'reader', zhCN, en);
