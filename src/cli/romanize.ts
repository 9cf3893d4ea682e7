/**
 * Chinese publication names as pinyin for the default edition ids of `e-paper import`
 * (株洲日报 → `zhuzhou-ribao`, so `zhuzhou-ribao-2021-01-08`), which a publisher can read and
 * which stay the same from one night to the next. pinyin-pro (MIT, about 1.1 MB installed, no
 * dependencies of its own, with a dictionary of words for characters read several ways: 重庆 →
 * chongqing, 长沙 → changsha) is loaded on first use only, as it takes some 50 ms to load; it is
 * a dependency of the command, never of the viewer's bundles. Words: the name's kind of paper (日报, 晚报, 都市报…) is
 * cut off its end as a word of its own, the rest (the place, the name) is one word, and text
 * that is not Han stays as it is.
 */
import { createRequire } from 'node:module';

type Pinyin = (text: string, options: { toneType: 'none'; type: 'array'; v?: boolean; nonZh?: 'consecutive' }) => string[];

/** Kinds of paper, longest first: what a Chinese paper's name ends with after its place or name. */
const KINDS = [
  '都市报',
  '青年报',
  '法治报',
  '经济报',
  '日报',
  '日報',
  '晚报',
  '晚報',
  '晨报',
  '晨報',
  '早报',
  '早報',
  '时报',
  '時報',
  '商报',
  '商報',
  '周报',
  '週報',
  '周刊',
  '週刊',
  '报',
  '報',
];

const HAN = /\p{Script=Han}/u;
let pinyin: Pinyin | undefined;

/** The syllables of `text` without tones, run together (ü as v, as in URLs: 绿 → lv). */
function syllables(text: string): string {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: Pinyin }).pinyin;
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' }).join('');
}

/** `name` in Latin letters, its words joined by hyphens; a name without Han characters as it is. */
export function romanizeHan(name: string): string {
  if (!HAN.test(name)) return name;
  return name
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean)
    .flatMap((word) => {
      const kind = KINDS.find((k) => word.endsWith(k) && word.length > k.length);
      return kind ? [word.slice(0, -kind.length), kind] : [word];
    })
    .map(syllables)
    .join('-');
}
