import type { UiStrings } from './strings.js';
import type { ReaderStrings } from '../elements/e-paper-reader/reader-strings.js';
import type { SearchStrings } from '../elements/e-paper-search/e-paper-search-strings.js';
import type { PagesStrings } from '../elements/e-paper-pages/e-paper-pages-strings.js';
import type { ArchiveStrings, ArchiveWords } from '../elements/e-paper-archive/e-paper-archive-strings.js';
import type { PageFilesStrings } from '../edition/page-files/page-file-loader.js';
import type { AloudStrings } from '../elements/e-paper-read-aloud/read-aloud-strings.js';
import type { ShareStrings } from '../elements/e-paper-share/share-strings.js';
import type { OverviewStrings } from '../elements/e-paper-overview/overview-strings.js';
import type { FullscreenStrings } from '../elements/e-paper-fullscreen/fullscreen-strings.js';
import type { TextViewStrings } from '../elements/e-paper-text-view/text-view-strings.js';
import type { OfflineStrings } from '../elements/e-paper-offline/offline-strings.js';
import type { ToolbarMoreStrings } from '../elements/e-paper-toolbar/toolbar-more-strings.js';
import type { ViewportStrings } from '../elements/e-paper-viewport/viewport-strings.js';
import type { ToolbarStrings } from '../elements/e-paper-toolbar/toolbar-strings.js';
import type { ChromeStrings } from '../elements/e-paper/chrome-strings.js';

/** The languages whose strings the viewer ships. */
export type BuiltInLanguage = 'zh-CN' | 'zh-Hant' | 'en';

/** Every UI string of the viewer, by part: the viewer's own, then the reader's, the search's … */
export interface EPaperStrings extends UiStrings {
  viewport: ViewportStrings;
  toolbar: ToolbarStrings;
  /** The first render's notices and those of what comes after it (e-paper/chrome-strings.ts). */
  viewer: UiStrings['viewer'] & ChromeStrings;
  reader: ReaderStrings;
  search: SearchStrings;
  pages: PagesStrings;
  /** The date picker's words; its dates are formatted by `Intl` in the UI language unless given here. */
  archive: ArchiveStrings;
  pageFiles: PageFilesStrings;
  aloud: AloudStrings;
  share: ShareStrings;
  overview: OverviewStrings;
  fullscreen: FullscreenStrings;
  textView: TextViewStrings;
  offline: OfflineStrings;
  /** The toolbar's "more" menu, where the controls a narrow row leaves out are. */
  toolbarMore: ToolbarMoreStrings;
}

/** A built-in language's strings: the date picker's dates come from `Intl`. */
export type BuiltInStrings = Omit<EPaperStrings, 'archive'> & { archive: ArchiveWords };

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** What a host gives for a language: any of the strings, at any depth; the rest fall back. */
export type StringsOverride = DeepPartial<EPaperStrings>;

export type Part =
  | 'viewport'
  | 'toolbar'
  | 'viewer'
  | 'reader'
  | 'search'
  | 'pages'
  | 'archive'
  | 'pageFiles'
  | 'aloud'
  | 'share'
  | 'overview'
  | 'fullscreen'
  | 'textView'
  | 'offline'
  | 'toolbarMore';

/** What hosts registered, in order: language tag and strings. */
export const registered: [string, StringsOverride][] = [];

/**
 * Gives or overrides UI strings for a language: `lang` is a language tag (`ja`, `zh-HK`, `en-US` …),
 * `strings` any part of {@link EPaperStrings}. A viewer whose `lang` is that tag, or a more
 * specific one (`zh` covers `zh-TW`), shows them; the strings not given come from the built-in
 * language closest to it (see `builtInLanguage` in languages.ts). Later calls add to earlier ones.
 * Register before the viewer renders: a viewer already showing picks them up when it next renders.
 */
export function registerStrings(lang: string, strings: StringsOverride): void {
  registered.push([lang, strings]);
}

/**
 * The module that resolves other languages (languages.ts: Traditional Chinese and what hosts
 * registered), once loaded. The first render's module knows only Simplified Chinese.
 */
let languages: typeof import('./languages.js') | undefined;
let loading: Promise<void> | undefined;
/** The viewer's own English strings (en.ts), once loaded: alone for English, or with languages.ts. */
let english: UiStrings | undefined;
let loadingEnglish: Promise<void> | undefined;

/** The viewer's own English strings, once `loadStrings` has loaded them. */
export const viewerEnglish = (): UiStrings | undefined => english;

/**
 * Loads what the strings of `lang` need beyond the first render's module: nothing (`undefined`)
 * for Simplified Chinese while no host registered strings, the viewer's English strings for
 * English, the module of the other languages otherwise. Never rejects: if a module cannot be
 * fetched, Simplified Chinese stands in (and it is tried afresh next time).
 */
export function loadStrings(lang: string | null | undefined): Promise<void> | undefined {
  if (languages || (!registered.length && /^(zh(-cn)?)?$/i.test(lang ?? ''))) return undefined;
  if (!registered.length && /^en\b/i.test(lang ?? ''))
    return english
      ? undefined
      : (loadingEnglish ??= import('./en.js').then(
          (module) => void (english = module.en),
          () => void (loadingEnglish = undefined),
        ));
  return (loading ??= import('./languages.js').then(
    (module) => void ((languages = module), (english = module.en)),
    () => void (loading = undefined),
  ));
}

/**
 * The strings of one part of the viewer (the viewer's own without `part`) for a UI language, from
 * its built-in sets `zh` (Simplified Chinese) and `en`: see `localize` in languages.ts, once loaded.
 */
export function localize<T extends object>(lang: string | null | undefined, part: Part | undefined, zh: T, en: T): T {
  return languages ? languages.localize(lang, part, zh, en) : /^en/i.test(lang ?? '') ? en : zh;
}
