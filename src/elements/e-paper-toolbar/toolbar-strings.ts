import { isolate } from '../../i18n/strings.js';
import { localize } from '../../i18n/localize.js';

/** Strings of the zoom toolbar (`<e-paper-toolbar>`): its zh-CN and en here, its zh-Hant in zh-hant.ts. */
export interface ToolbarStrings {
  label: string;
  zoomOut: string;
  zoomIn: string;
  fitPage: string;
  fitWidth: string;
  /** The accessible name of the scale read-out. */
  scale: string;
  previousPage: string;
  nextPage: string;
  /** The spoken form of the page read-out (`A2 2/8`). */
  pageOf: (label: string, index: number, count: number) => string;
}

const zh: ToolbarStrings = {
  label: '缩放',
  zoomOut: '缩小',
  zoomIn: '放大',
  fitPage: '适合页面',
  fitWidth: '适合宽度',
  scale: '缩放比例',
  previousPage: '上一版',
  nextPage: '下一版',
  pageOf: (label, index, count) => `${isolate(label)} 版，第 ${index} 版，共 ${count} 版`,
};

const en: ToolbarStrings = {
  label: 'Zoom',
  zoomOut: 'Zoom out',
  zoomIn: 'Zoom in',
  fitPage: 'Fit page',
  fitWidth: 'Fit width',
  scale: 'Zoom level',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (label, index, count) => `Page ${isolate(label)}, ${index} of ${count}`,
};

/** The toolbar's strings for a UI language (`registerStrings` gives them as `toolbar`). */
export const toolbarStrings = (lang: string | null | undefined): ToolbarStrings => localize(lang, 'toolbar', zh, en);
