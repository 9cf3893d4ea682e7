import { localize } from '../../i18n/localize.js';

/** UI strings of the overview map (`<e-paper-overview>`). */
export interface OverviewStrings {
  /** The map's name. */
  label: string;
  /** The mark of the visible area, and what its keys do. */
  mark: string;
  /** Where the visible area stands, in percent of the page: from the left, from the top, its width and height. */
  position: (left: number, top: number, width: number, height: number) => string;
  /** The mark in place of the page's picture, when its image could not be loaded. */
  failed: string;
}

const zh: OverviewStrings = {
  label: '版面缩略图',
  mark: '可见区域，用方向键移动',
  position: (left, top, width, height) => `显示版面左起 ${left}%、上起 ${top}% 处，宽 ${width}%、高 ${height}%`,
  failed: '缩略图未能载入',
};

const en: OverviewStrings = {
  label: 'Page overview',
  mark: 'Visible area: move it with the arrow keys',
  position: (left, top, width, height) => `Showing ${width}% by ${height}% of the page, ${left}% from the left and ${top}% from the top`,
  failed: 'The page’s picture could not be loaded',
};

/** The overview map's strings for a UI language tag (see `localize`). */
export const overviewStrings = (lang: string | null | undefined): OverviewStrings => localize(lang, 'overview', zh, en);
