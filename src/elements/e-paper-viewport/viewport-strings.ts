import { localize } from '../../i18n/localize.js';

/** Strings of the pan/zoom surface (`<e-paper-viewport>`), with its input: its zh-CN and en here, its zh-Hant in zh-hant.ts. */
export interface ViewportStrings {
  /** The hint shown when a plain wheel scrolls past the fitted page; `key` is "Ctrl" or "⌘". */
  zoomHint: (key: string) => string;
}

const zh: ViewportStrings = {
  zoomHint: (key) => `按住 ${key} 并滚动鼠标滚轮以缩放`,
};

const en: ViewportStrings = {
  zoomHint: (key) => `Hold ${key} and scroll to zoom`,
};

/** The viewport's strings for a UI language (`registerStrings` gives them as `viewport`). */
export const viewportStrings = (lang: string | null | undefined): ViewportStrings => localize(lang, 'viewport', zh, en);
