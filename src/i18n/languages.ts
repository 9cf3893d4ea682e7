/**
 * The UI languages beyond the first render's Simplified Chinese and the English of en.ts: the
 * Traditional Chinese strings and what hosts registered (with the English ones, which stand in
 * for any language not Chinese). A module of its own, loaded (by `loadStrings`) only for viewers
 * that need it, before their first render shows text.
 */
import { registered, type BuiltInLanguage, type Part } from './localize.js';
import { zhHant } from './zh-hant.js';

/** The viewer's own English strings: the built-in language of every tag that is not Chinese. */
export { en } from './en.js';

/**
 * The built-in language for a UI language tag (BCP 47, any case): English for `en*`; Traditional
 * Chinese for `zh-Hant*` and for Chinese of Taiwan, Hong Kong and Macao (`zh-TW`, `zh-HK`, `zh-MO`)
 * unless written `zh-Hans-*`; Simplified Chinese for other `zh*` and when no language is given;
 * English for every other language.
 */
export function builtInLanguage(lang: string | null | undefined): BuiltInLanguage {
  const [language, ...rest] = (lang || 'zh').toLowerCase().split('-');
  if (language !== 'zh') return 'en';
  return rest.includes('hant') || (!rest.includes('hans') && rest.some((tag) => /^(tw|hk|mo)$/.test(tag))) ? 'zh-Hant' : 'zh-CN';
}

/** `over` merged into a copy of `base`, objects key by key; a string or function replaces. */
function merge<T extends object>(base: T, over: object): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(over) as [string, unknown][]) {
    const under = out[key];
    out[key] = value && typeof value === 'object' && under && typeof under === 'object' ? merge(under, value) : (value ?? under);
  }
  return out as T;
}

/** Merged strings by part, tag and how many registrations they include (the viewer asks on every render). */
const cache = new Map<string, object>();

/**
 * The strings of one part of the viewer (the viewer's own without `part`) for a UI language: the
 * built-in language's (`zh`, `en`, or the Traditional Chinese here), with what hosts registered
 * for the tag and its prefixes merged over them, the most specific last (`zh`, then `zh-hant`,
 * then `zh-hant-tw`), and for one tag in the order registered.
 */
export function localize<T extends object>(lang: string | null | undefined, part: Part | undefined, zh: T, en: T): T {
  const key = `${part}|${lang}|${registered.length}`;
  let strings = cache.get(key) as T | undefined;
  if (!strings) {
    const language = builtInLanguage(lang);
    strings = language === 'en' ? en : language === 'zh-Hant' ? ((part ? zhHant[part] : zhHant) as T) : zh;
    const tags = (lang ?? '').toLowerCase().split('-');
    for (let i = 1; i <= tags.length; i++) {
      const tag = tags.slice(0, i).join('-');
      for (const [registeredTag, given] of registered) {
        const own = registeredTag.toLowerCase() === tag && (part ? given[part] : given);
        if (own) strings = merge(strings, own);
      }
    }
    cache.set(key, strings);
  }
  return strings;
}
