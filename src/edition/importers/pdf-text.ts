/**
 * Text as the page prints it, not as the PDF encodes it. A PDF's text is only as good as its
 * fonts' Unicode maps, and those are often wrong for CJK: Chromium (Skia) and other writers give
 * a glyph that a font maps from both a Kangxi radical and an ideograph the radical's code point
 * (⽇ U+2F47 for 日, ⻋ U+2ECB for 车), about a tenth of a Chinese page; vertical presentation
 * forms and compatibility ideographs stand for the ordinary characters. NFKC over the whole text
 * would also turn the page's full-width punctuation (，：（）) into ASCII, so only these ranges
 * are mapped. Pure functions, no DOM.
 */

/**
 * CJK Radicals Supplement characters that stand for a whole ideograph: the simplified forms that
 * full CJK fonts draw with the same glyph as the ideograph (NFKC maps only ⺟ and ⻳ of them).
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺁': '厂',
  '⺇': '几',
  '⺊': '卜',
  '⺌': '小',
  '⺗': '心',
  '⺝': '月',
  '⺟': '母',
  '⺠': '民',
  '⺢': '水',
  '⺣': '火',
  '⺩': '王',
  '⺮': '竹',
  '⺶': '羊',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻊': '足',
  '⻋': '车',
  '⻌': '辶',
  '⻍': '辶',
  '⻐': '钅',
  '⻑': '長',
  '⻒': '長',
  '⻓': '长',
  '⻔': '门',
  '⻖': '阝',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻠': '饣',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

/** Kangxi radicals, vertical forms, compatibility ideographs: NFKC gives the character printed. */
const NFKC_RANGES = /[\u2F00-\u2FD5\uFE10-\uFE19\uFE30-\uFE4F\uF900-\uFAFF]/gu;
/** Any character the repairs change, to skip the work on lines without one. */
const NEEDS_REPAIR = /[\u2E80-\u2EF3\u2F00-\u2FD5\uFE10-\uFE19\uFE30-\uFE4F\uF900-\uFAFF\u2015]/u;
const HAN = /\p{Script=Han}/u;

/**
 * One line's text as printed: radicals that stand for ideographs become the ideographs, and a
 * horizontal bar (U+2015, which GB fonts map the dash to) next to Han text becomes the em dash
 * (U+2014) Chinese text uses for 破折号.
 */
export function asPrinted(text: string): string {
  if (!NEEDS_REPAIR.test(text)) return text;
  let out = text.replace(/[\u2E80-\u2EF3]/gu, (c) => RADICAL_SUPPLEMENT[c] ?? c).replace(NFKC_RANGES, (c) => c.normalize('NFKC'));
  if (HAN.test(out)) out = out.replace(/\u2015/g, '\u2014');
  return out;
}

/**
 * Runs with their text as printed (asPrinted), and how many characters that changed, for the
 * benchmark's measure of the repair.
 */
export function repairRuns<T extends { text: string }>(runs: T[]): { runs: T[]; changed: number } {
  let changed = 0;
  const out = runs.map((run) => {
    const text = asPrinted(run.text);
    if (text === run.text) return run;
    const [a, b] = [[...run.text], [...text]];
    changed += a.length === b.length ? a.filter((c, i) => c !== b[i]).length : Math.max(a.length, b.length);
    return { ...run, text };
  });
  return { runs: out, changed };
}

/**
 * Whether a page's text can be used: enough of it, and not garbled. `unmapped` is the number of
 * glyphs the reader found without a Unicode mapping (control or private-use characters); a
 * font without a ToUnicode map in CJK typesetting output gives text of such characters, or of
 * Latin-1 letters where ideographs stand. Returns why not, or undefined when the text is usable.
 */
export function unusableText(text: string, unmapped: number): string | undefined {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < 20) return chars.length ? `only ${chars.length} characters of text` : 'no text (an image only)';
  const bad = unmapped + chars.filter((c) => /[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u.test(c)).length;
  if (bad / chars.length > 0.02) return `${Math.round((100 * bad) / chars.length)}% of its characters have no Unicode mapping`;
  // Latin-1 letters (À–ÿ) making up much of a text with no Han or other script around them is the
  // signature of CJK codes read through a one-byte encoding.
  const latin1 = chars.filter((c) => /[\u00C0-\u00FF]/.test(c)).length;
  if (latin1 / chars.length > 0.2)
    return `${Math.round((100 * latin1) / chars.length)}% of its characters read as accented Latin letters (a font without a Unicode mapping)`;
  return undefined;
}
