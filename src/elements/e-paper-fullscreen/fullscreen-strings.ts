import { localize } from '../../i18n/localize.js';

/** UI strings of the full-screen button (`<e-paper-fullscreen>`). */
export interface FullscreenStrings {
  enter: string;
  exit: string;
}

const zh: FullscreenStrings = { enter: '全屏', exit: '退出全屏' };
const en: FullscreenStrings = { enter: 'Full screen', exit: 'Exit full screen' };

/** The full-screen button's strings for a UI language tag (see `localize`). */
export const fullscreenStrings = (lang: string | null | undefined): FullscreenStrings => localize(lang, 'fullscreen', zh, en);
