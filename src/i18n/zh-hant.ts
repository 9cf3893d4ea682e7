/**
 * Traditional Chinese (zh-Hant: Taiwan, Hong Kong, Macao), in the words used there rather than a
 * conversion of the Simplified strings: 載入, 連結, 搜尋, 導覽, 紀錄, 檢視器. Where Taiwan and Hong Kong
 * differ (網路 / 網絡), a word both read alike is used (連線); a site can still override any string
 * with `registerStrings('zh-HK', …)`. Loaded with languages.ts, only by viewers that need it.
 */
import { isolate } from './strings.js';
import type { BuiltInStrings } from './localize.js';

export const zhHant: BuiltInStrings = {
  loading: '正在載入版面…',
  errorTitle: '無法顯示本期報紙',
  retry: '重試',
  viewerLabel: (title, date) => `${isolate(title)} ${isolate(date)} 電子版`,
  pageLabel: (label) => `${isolate(label)} 版`,
  errors: {
    network: '連線失敗，請檢查連線後再試一次。',
    http: '伺服器沒有傳回報紙資料。',
    timeout: '載入逾時。',
    'too-large': '報紙資料檔案過大。',
    empty: '報紙資料檔案是空的。',
    'not-json': '報紙資料檔案格式不正確。',
    invalid: '報紙資料不符合格式要求。',
    'no-source': '沒有指定報紙資料（src 屬性）。',
  },
  photoPlaceholder: '圖片暫缺',
  qrPlaceholder: 'QR 碼暫缺',
  viewport: {
    zoomHint: (key) => `按住 ${key} 並捲動滑鼠滾輪即可縮放`,
  },
  toolbar: {
    label: '縮放',
    zoomOut: '縮小',
    zoomIn: '放大',
    fitPage: '符合頁面',
    fitWidth: '符合寬度',
    scale: '縮放比例',
    previousPage: '上一版',
    nextPage: '下一版',
    pageOf: (label, index, count) => `${isolate(label)} 版，第 ${index} 版，共 ${count} 版`,
  },
  read: '已讀',
  scanAlt: (label) => `${isolate(label)} 版版面圖`,
  scanLoading: '正在載入清晰版面',
  scanFailed: '版面圖片無法載入，請稍後再試。',
  readCue: '點選閱讀全文',
  viewer: {
    contents: '標題導覽',
    contentsLabel: (page) => `${isolate(page)} 版標題導覽`,
    editionContents: '版面導覽',
    search: '搜尋',
    clearHistory: '清除閱讀紀錄',
    historyCleared: '已清除本期閱讀紀錄',
    continueReading: (headline) => `繼續閱讀〈${isolate(headline)}〉`,
    dismiss: '關閉提示',
    unknownArticle: (id) => `本期沒有編號為「${isolate(id)}」的文章。`,
    partFailed: '檢視器的部分功能無法載入，請檢查連線後再試一次。',
    pageFailed: (label, reason) => `${isolate(label)} 版無法載入：${reason}`,
  },
  reader: {
    dialogLabel: '文章閱讀',
    close: '關閉',
    previous: '上一篇',
    next: '下一篇',
    textSize: '字級',
    smaller: '縮小字級',
    larger: '放大字級',
    reset: '預設字級',
    copyLink: '複製連結',
    copied: '已複製連結',
    copyFailed: '無法自動複製，請手動複製下方的連結',
    position: (index, count) => `${index} / ${count}`,
    positionLabel: (index, count) => `第 ${index} 篇，共 ${count} 篇`,
    notFound: (id) => `找不到這篇文章（${id}）。`,
  },
  search: {
    label: '搜尋本期',
    close: '關閉搜尋',
    results: '搜尋結果',
    none: '沒有符合的結果',
    count: (matches, shown, places) => (shown < places ? `共 ${matches} 處，顯示前 ${shown} 筆` : `${matches} 處`),
    more: (others) => `另有 ${others} 處`,
    page: (label) => `${isolate(label)} 版`,
    other: '其他',
  },
  pages: { label: '版面' },
  archive: { previous: '上一期', next: '下一期', choose: '選擇日期', previousMonth: '上個月', nextMonth: '下個月', loading: '載入中…' },
  pageFiles: { loading: (label) => `正在載入 ${isolate(label)} 版……` },
};
