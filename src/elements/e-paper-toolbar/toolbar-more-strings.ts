import { localize } from '../../i18n/localize.js';

/** UI strings of the toolbar's "more" menu (toolbar-more.ts); its items are named by the controls they press. */
export interface ToolbarMoreStrings {
  /** The menu button's name, and the menu's. */
  more: string;
}

const zh: ToolbarMoreStrings = { more: '更多' };
const en: ToolbarMoreStrings = { more: 'More' };

/** The "more" menu's strings for a UI language tag (see `localize`). */
export const toolbarMoreStrings = (lang: string | null | undefined): ToolbarMoreStrings => localize(lang, 'toolbarMore', zh, en);
