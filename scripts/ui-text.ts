// Every text the viewer's own UI can show, in each built-in language: what the UI font must cover.
// Shared by the font script (scripts/ui-font.mjs, through esbuild) and the tests.
import { loadStrings, type BuiltInLanguage } from '../src/i18n/localize.js';
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
import { chromeStrings } from '../src/elements/e-paper/chrome-strings.js';

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
  const all = {
    ...uiStrings(lang),
    viewport: viewportStrings(lang),
    toolbar: toolbarStrings(lang),
    chrome: chromeStrings(lang),
    reader: readerStrings(lang),
    search: searchStrings(lang),
    pages: pagesStrings(lang),
    archive: archiveStrings(lang),
    pageFiles: pageFilesStrings(lang),
    aloud: aloudStrings(lang),
    share: shareStrings(lang),
  };
  const texts = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.add(value);
    else if (typeof value === 'function') for (const args of ARGUMENTS) texts.add(String(value(...args)));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(all);
  for (const language of NAMED_LANGUAGES) texts.add(all.aloud.noVoice(languageName(language, lang)));
  return [...texts];
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
