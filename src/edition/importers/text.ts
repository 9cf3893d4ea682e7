/**
 * Text rules the importers share: joining OCR lines (hyphens, CJK), telling the language of a
 * text when the input does not state it, checking language tags, reading dates as newspapers
 * and libraries write them, and the default edition id. Pure functions, no DOM.
 */
import { slug, type ImportWarning } from './common.js';

/**
 * A language tag that names a real language: well-formed BCP 47 (as `Intl` reads it) whose
 * language subtag `Intl.DisplayNames` knows. `utf-8`, `gbk` or `xx` (seen in `<html lang>` of
 * real pages) are not.
 */
export function isKnownLanguage(tag: string | null | undefined): boolean {
  if (!tag || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    const primary = canonical.split('-')[0];
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(primary) !== undefined;
  } catch {
    return false;
  }
}

/** Words that mark a Latin-script language: a few of its commonest short words. */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'was', 'for', 'with'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'ein'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'du', 'pour'],
  nl: ['het', 'een', 'en', 'van', 'de', 'niet', 'op', 'dat', 'zijn', 'voor'],
  it: ['il', 'della', 'che', 'non', 'per', 'una', 'sono', 'gli', 'delle', 'nel'],
  es: ['el', 'los', 'las', 'que', 'del', 'por', 'una', 'con', 'para', 'es'],
  sv: ['och', 'att', 'det', 'som', 'en', 'på', 'är', 'för', 'med', 'inte'],
};

/** The scripts that name one language on their own, checked in this order (kana before Han: Japanese has both). */
const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Thai}/gu, 'th'],
];

/**
 * The language of `text` told from its script, and for Latin script from its commonest words;
 * undefined when the text is too short or gives no clear answer. The rule, in order: any kana →
 * `ja`; Hangul → `ko`; Han making up a fifth of the letters → `zh`; Cyrillic, Greek, Arabic,
 * Hebrew, Thai as the main script → `ru`, `el`, `ar`, `he`, `th`; Latin → the language whose ten
 * commonest words are at least 5% of the words and twice as frequent as the next language's.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 20_000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 10) return undefined;
  for (const [pattern, lang] of SCRIPTS) {
    const count = (sample.match(pattern) ?? []).length;
    if (lang === 'ja' ? count >= 5 : count / letters >= (lang === 'zh' ? 0.2 : 0.5)) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return undefined;
  const scores = Object.entries(STOPWORDS)
    .map(([lang, list]) => [lang, words.filter((word) => list.includes(word)).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [[best, top], [, second]] = scores;
  return top / words.length >= 0.05 && top >= 2 * second ? best : undefined;
}

/** Hyphen marks at a line end: hyphen-minus, hyphen, soft hyphen, and the double hyphens of Fraktur (⸗, and = as OCR reads it). */
const LINE_END_HYPHEN = /[-\u2010\u00ad\u2e17\u2e40=¬]$/u;

/**
 * Whether a word broken at a line end ("Jahres-" + "zeiten") is one word: the line ends in a
 * hyphen mark after a letter and the next begins with a lowercase letter. Before a capital
 * (German "Nord-" + "Ostsee", English names) the hyphen is part of the word and stays; `=` and
 * `⸗` only count as hyphens in German, where Fraktur sets them.
 */
export function lineBreakHyphen(before: string, after: string, lang: string | undefined): 'join' | 'keep' | undefined {
  const mark = before.match(LINE_END_HYPHEN)?.[0];
  if (!mark || !/\p{L}.$/u.test(before)) return undefined;
  const primary = (lang ?? '').split('-')[0].toLowerCase();
  if ((mark === '=' || mark === '\u2e17' || mark === '\u2e40') && primary !== 'de') return undefined;
  if (/^\p{Ll}/u.test(after)) return 'join';
  if (/^\p{Lu}/u.test(after) && mark !== '\u00ad') return 'keep';
  return undefined;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\u30FB-\u30FC\uFF00-\uFF60\uFFE0-\uFFEF]/u;

/**
 * Lines of text as one paragraph: CJK lines join without a space, a word broken with a hyphen
 * joins by {@link lineBreakHyphen}, other lines join with one space.
 */
export function joinLines(lines: readonly string[], lang?: string): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const hyphen = lineBreakHyphen(out, line, lang);
    if (hyphen === 'join') out = out.slice(0, -1) + line;
    else if (hyphen === 'keep') out += line;
    else if (CJK.test(out.slice(-1)) || CJK.test(line[0])) out += line;
    else out += ` ${line}`;
  }
  return out;
}

const MONTHS: Record<string, number> = {};
[
  ['january', 'januar', 'janvier', 'jan', 'jän', 'janv'],
  ['february', 'februar', 'février', 'feb', 'févr', 'fevrier'],
  ['march', 'märz', 'mars', 'mar', 'maerz'],
  ['april', 'avril', 'apr', 'avr'],
  ['may', 'mai'],
  ['june', 'juni', 'juin', 'jun'],
  ['july', 'juli', 'juillet', 'jul', 'juil'],
  ['august', 'août', 'aug', 'aout'],
  ['september', 'septembre', 'sep', 'sept'],
  ['october', 'oktober', 'octobre', 'oct', 'okt'],
  ['november', 'novembre', 'nov'],
  ['december', 'dezember', 'décembre', 'dec', 'dez', 'déc'],
].forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');

function isoIfReal(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A day written as newspapers and library records write it, as YYYY-MM-DD: `2021-01-08` (also
 * with a time after it), `2021/01/08`, `20210108`, `01.08.1821` and `1.8.1821` (day first, as in
 * German and most of Europe), `8 January 2021`, `January 8, 2021`, `8. Januar 2021`,
 * `2021年1月8日`. Undefined for anything else, for a year or a month alone, and for days that do
 * not exist. `01/08/1821` is ambiguous (day or month first) and is not read.
 */
export function parseDate(text: string | null | undefined): string | undefined {
  const value = (text ?? '').trim().normalize('NFKC');
  if (!value) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(value) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (m) return isoIfReal(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(value))) return isoIfReal(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(value))) return isoIfReal(+m[3], +m[2], +m[1]);
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(value))) return isoIfReal(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{1,2})\.?\s+([\p{L}]+)\.?\s+(\d{4})$/u.exec(value))) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? isoIfReal(+m[3], month, +m[1]) : undefined;
  }
  if ((m = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(value))) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? isoIfReal(+m[3], month, +m[2]) : undefined;
  }
  return undefined;
}

/** How a name without Latin letters is written in ids: none here; the command sets pinyin (../../cli/romanize.ts). */
let romanizer: ((name: string) => string) | undefined;

/**
 * Sets how {@link editionId} writes a name without Latin letters in Latin letters (the `e-paper`
 * command: Chinese as pinyin, 株洲日报 → `zhuzhou-ribao`). Without one, such a name gives its
 * first characters' code points in base 36.
 */
export function useRomanizer(romanize: ((name: string) => string) | undefined): void {
  romanizer = romanize;
}

/**
 * The default edition id: the publication's name and the date, so that each day's issue of a
 * paper has its own (and so its own reading state in the viewer), and importing the same issue
 * again gives the same id. `Zhuzhou Daily`, `2021-01-08` → `zhuzhou-daily-2021-01-08`; digits
 * and month names in the name are dropped (the date is added once). A name of no Latin letters
 * is written by the romanizer set with {@link useRomanizer} (the command: 株洲日报 →
 * `zhuzhou-ribao-2021-01-08`), else as its first characters' code points in base 36, still stable.
 */
export function editionId(publication: string, date: string): string {
  // The day is added below: a name that carries it ("Sample Daily, 8 January 2021", "示例日报
  // 2021年1月8日") is cut to the publication's own name.
  const monthNames = new RegExp(`(^|[^\\p{L}])(${Object.keys(MONTHS).join('|')})(?![\\p{L}])`, 'giu');
  const name0 = publication
    .normalize('NFKC')
    .replace(monthNames, '$1')
    .replace(/\d+\s*[年月日号號]?/g, ' ');
  const ascii = name0
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let name = slug(ascii.replace(/[^a-z0-9]+/g, '-'));
  if (!name && romanizer)
    name = slug(
      romanizer(name0.trim())
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-'),
    );
  if (!name)
    name = Array.from(name0.replace(/[\s\p{P}]/gu, ''))
      .slice(0, 6)
      .map((c) => c.codePointAt(0)!.toString(36))
      .join('');
  return slug(`${name.slice(0, 64 - date.length - 1)}-${date}`) || date;
}

/**
 * The edition's language: the one the input states, else the one its text shows, with a warning
 * at `path` either way it had to be guessed; `und` when neither says.
 */
export function editionLanguage(stated: string | undefined, text: () => string, path: string, warnings: ImportWarning[]): string {
  if (stated) return stated;
  const detected = detectLanguage(text());
  warnings.push({
    path,
    message: detected
      ? `no language stated: "${detected}" told from the text`
      : 'no language found: the edition is marked "und"; pass options.lang',
  });
  return detected ?? 'und';
}
