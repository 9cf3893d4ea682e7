import { localize, viewerEnglish } from './localize.js';

/**
 * Edition text set into a UI sentence, between Unicode isolates (FSI … PDI), so that bidi
 * controls or right-to-left text in the data cannot reorder the sentence around it.
 */
export function isolate(text: string): string {
  // A PDI without its opener would close our isolate early: drop it. Openers left open are
  // closed before ours, so that ours closes what it opened.
  let open = 0;
  let kept = '';
  for (const char of text) {
    if (char === '\u2066' || char === '\u2067' || char === '\u2068') open++;
    else if (char === '\u2069') {
      if (open === 0) continue;
      open--;
    }
    kept += char;
  }
  return `\u2068${kept}${'\u2069'.repeat(open)}\u2069`;
}

/**
 * An ISO date (`2021-01-08`) as a language writes it (2021年1月8日, January 8, 2021): speech reads
 * the digits of the ISO form one by one or as a sum. The ISO text itself if it is no date.
 * The built-in Chinese tables' form (`zh-CN`, `zh-Hant`) is written here as ICU writes it: a
 * page's first `Intl.DateTimeFormat` loads its locale's data (20–40 ms), before the first render.
 */
export function writtenDate(iso: string, locale: string): string {
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time)) return iso;
  if (locale === 'zh-CN' || locale === 'zh-Hant') return iso.replace(/^0*(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(time);
}

/** UI strings of the viewer. The edition's own text is never translated. */
export interface UiStrings {
  loading: string;
  errorTitle: string;
  retry: string;
  /** The viewer's accessible name; `date` is the edition's ISO date. */
  viewerLabel: (title: string, date: string) => string;
  pageLabel: (label: string) => string;
  errors: Record<'network' | 'http' | 'timeout' | 'too-large' | 'empty' | 'not-json' | 'invalid' | 'no-source', string>;
  photoPlaceholder: string;
  qrPlaceholder: string;
  /** Said of an article already read. */
  read: string;
  /** The accessible name of the list of article regions over a page. */
  regionsLabel: (pageLabel: string) => string;
  scanAlt: (pageLabel: string) => string;
  scanLoading: string;
  scanFailed: string;
  /** The cue under a headline in the region tooltip. */
  readCue: string;
  /** Strings of the viewer's own notices (those of what comes after `e-paper-ready`: e-paper/chrome-strings.ts). */
  viewer: {
    historyCleared: string;
    /** A part of the viewer (the reader, the search) could not be loaded. */
    partFailed: string;
    /** A page's file could not be loaded; `reason` is the load error's message. */
    pageFailed: (pageLabel: string, reason: string) => string;
  };
}

const zhCN: UiStrings = {
  loading: '正在载入版面…',
  errorTitle: '无法显示本期报纸',
  retry: '重试',
  viewerLabel: (title, date) => `${isolate(title)} ${isolate(writtenDate(date, 'zh-CN'))} 电子版`,
  pageLabel: (label) => `${isolate(label)} 版`,
  errors: {
    network: '网络请求失败，请检查网络后重试。',
    http: '服务器没有返回报纸数据。',
    timeout: '载入超时。',
    'too-large': '报纸数据文件过大。',
    empty: '报纸数据文件是空的。',
    'not-json': '报纸数据文件格式不正确。',
    invalid: '报纸数据不符合格式要求。',
    'no-source': '没有指定报纸数据（src 属性）。',
  },
  photoPlaceholder: '图片暂缺',
  qrPlaceholder: '二维码暂缺',
  read: '已读',
  regionsLabel: (page) => `${isolate(page)} 版文章`,
  scanAlt: (label) => `${isolate(label)} 版版面图`,
  scanLoading: '正在载入清晰版面',
  scanFailed: '版面图片无法载入，请稍后重试。',
  readCue: '点击阅读全文',
  viewer: {
    historyCleared: '已清除阅读记录',
    partFailed: '查看器的部分功能未能载入，请检查网络后重试。',
    pageFailed: (label, reason) => `${isolate(label)} 版未能载入：${reason}`,
  },
};

/**
 * The viewer's strings for a UI language tag: those of the built-in language closest to it
 * (`builtInLanguage`) with what the host registered for it merged over them. The English ones
 * are a module of their own (en.ts), loaded by `loadStrings` before a viewer in English renders:
 * until then, Simplified Chinese stands in (as for the other languages).
 */
export const uiStrings = (lang: string | null | undefined): UiStrings => localize(lang, undefined, zhCN, viewerEnglish() ?? zhCN);
