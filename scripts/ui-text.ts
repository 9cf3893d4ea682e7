// Every text the viewer's own UI can show, in each built-in language: what the UI font must cover.
// Shared by the font script (scripts/ui-font.mjs, through esbuild) and the tests.
import { loadStrings, type BuiltInLanguage, type Part } from '../src/i18n/localize.js';
import { uiStrings } from '../src/i18n/strings.js';
import { readerStrings } from '../src/elements/e-paper-reader/reader-strings.js';
import { searchStrings } from '../src/elements/e-paper-search/e-paper-search-strings.js';
import { pagesStrings } from '../src/elements/e-paper-pages/e-paper-pages-strings.js';
import { archiveStrings } from '../src/elements/e-paper-archive/e-paper-archive-strings.js';
import { pageFilesStrings } from '../src/edition/page-files/page-file-loader.js';
import { aloudStrings, languageName } from '../src/elements/e-paper-read-aloud/read-aloud-strings.js';
import { shareStrings } from '../src/elements/e-paper-share/share-strings.js';
import { viewportStrings } from '../src/elements/e-paper-viewport/viewport-strings.js';
import { toolbarStrings } from '../src/elements/e-paper-toolbar/toolbar-strings.js';
import { toolbarMoreStrings } from '../src/elements/e-paper-toolbar/toolbar-more-strings.js';
import { chromeStrings } from '../src/elements/e-paper/chrome-strings.js';
import { overviewStrings } from '../src/elements/e-paper-overview/overview-strings.js';
import { fullscreenStrings } from '../src/elements/e-paper-fullscreen/fullscreen-strings.js';
import { textViewStrings } from '../src/elements/e-paper-text-view/text-view-strings.js';
import { formatBytes, offlineStrings } from '../src/elements/e-paper-offline/offline-strings.js';

/**
 * Every strings table of the viewer, by the part `registerStrings` names (`viewer` has two: the
 * first render's and the chrome's), beside the viewer's own (`uiStrings`). Typed by `Part`, so a
 * part added to localize.ts without its table here does not compile; tests/node/ui-text.test.mjs
 * finds every table in the sources (each function that calls `localize`) and fails on one missing.
 */
export const STRING_TABLES = {
  viewport: [viewportStrings],
  toolbar: [toolbarStrings],
  viewer: [uiStrings, chromeStrings],
  reader: [readerStrings],
  search: [searchStrings],
  pages: [pagesStrings],
  archive: [archiveStrings],
  pageFiles: [pageFilesStrings],
  aloud: [aloudStrings],
  share: [shareStrings],
  overview: [overviewStrings],
  fullscreen: [fullscreenStrings],
  textView: [textViewStrings],
  offline: [offlineStrings],
  toolbarMore: [toolbarMoreStrings],
} satisfies Record<Part, ((lang: string) => object)[]>;

/** Tags of each built-in language: the Traditional ones format their dates each its own way. */
export const BUILT_IN_TAGS: Record<BuiltInLanguage, string[]> = {
  'zh-CN': ['zh-CN'],
  'zh-Hant': ['zh-TW', 'zh-HK', 'zh-MO'],
  en: ['en'],
};

/** What the UI draws beside its strings: ⌘ in the zoom hint, – for no scale, × to close, − for smaller text, ✓ read, · between a page and a headline. */
export const UI_SYMBOLS = '⌘–×−✓·';

/**
 * Languages whose names the UI shows (read aloud's "no voice for 英语 on this device", in the UI
 * language): those of the papers a viewer is likely to show, China's and its neighbours' and the
 * world's most read. Another language's name may need a system font.
 */
export const NAMED_LANGUAGES = ['zh', 'yue', 'en', 'ja', 'ko', 'mn', 'bo', 'ug', 'kk', 'ru', 'fr', 'de', 'es', 'pt', 'ar', 'vi'];

/**
 * The arguments a string function is called with: every day of a year (each month and weekday of
 * the date picker) with counts both ways round (the two sides of "first n of m"). All strings:
 * labels go through `isolate`, and '1' < '2' compares as the numbers do.
 */
const ARGUMENTS: string[][] = Array.from({ length: 365 }, (_, day) => {
  const iso = new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);
  return day % 2 ? [iso, '1', '2'] : [iso, '2', '1'];
});

/** Every string the UI shows in `lang`, each string function called with {@link ARGUMENTS}. */
export async function uiTexts(lang: string): Promise<string[]> {
  await loadStrings(lang);
  const texts = new Set<string>();
  for (const tables of Object.values(STRING_TABLES)) for (const table of tables) for (const text of textsOf(table(lang))) texts.add(text);
  for (const language of NAMED_LANGUAGES) texts.add(aloudStrings(lang).noVoice(languageName(language, lang)));
  // Sizes of offline copies, in the UI language's digits.
  for (const bytes of [1234, 5_678_901]) texts.add(formatBytes(bytes, lang));
  return [...texts];
}

/** The texts of a strings table: its strings, and what its functions return for {@link ARGUMENTS}. */
export function textsOf(table: unknown): Set<string> {
  const texts = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.add(value);
    else if (typeof value === 'function') for (const args of ARGUMENTS) texts.add(String(value(...args)));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(table);
  return texts;
}

/**
 * The characters of `texts` that need a glyph of the UI font: past Latin-1 (ASCII, ·, ×, which
 * every system's fonts draw), not controls or format characters (the isolates).
 */
export function glyphChars(texts: Iterable<string>): string[] {
  const chars = new Set<string>();
  for (const text of texts) for (const char of text) if (!/[\0-\xff\p{Cc}\p{Cf}]/u.test(char)) chars.add(char);
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** Every character the UI font must cover: those of every built-in language's texts and the UI's symbols. */
export async function uiFontChars(): Promise<string[]> {
  const texts = [UI_SYMBOLS];
  for (const tags of Object.values(BUILT_IN_TAGS)) for (const tag of tags) texts.push(...(await uiTexts(tag)));
  return glyphChars(texts);
}
