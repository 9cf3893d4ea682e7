import { localize } from '../../i18n/localize.js';

/** UI strings of the share and print panel (`<e-paper-share>`), and of the reader's share button. */
export interface ShareStrings {
  /** The panel's name and the button that opens it. */
  label: string;
  /** Under the QR code. */
  scan: string;
  /** The QR code's name for screen readers. */
  qrLabel: (headline: string) => string;
  printArticle: string;
  printPage: string;
  /** The link to the page's PDF. */
  pagePdf: (label: string) => string;
}

const zh: ShareStrings = {
  label: '二维码与打印',
  scan: '用微信扫一扫，在手机上阅读',
  qrLabel: (headline) => `《${headline}》的链接二维码`,
  printArticle: '打印文章',
  printPage: '打印本版',
  pagePdf: (label) => `${label} 版 PDF`,
};

const en: ShareStrings = {
  label: 'QR code and print',
  scan: 'Scan to read on a phone (WeChat, camera)',
  qrLabel: (headline) => `QR code of the link to “${headline}”`,
  printArticle: 'Print article',
  printPage: 'Print page',
  pagePdf: (label) => `Page ${label} (PDF)`,
};

/** The panel's strings for a UI language tag (see `localize`). */
export const shareStrings = (lang: string | null | undefined): ShareStrings => localize(lang, 'share', zh, en);
