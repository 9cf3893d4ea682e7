// Cuts an edition's fonts into the publication's shared slices: every character the edition prints
// in a role goes to the fixed slice that holds it (scripts/font-slices.js: a base slice, then the
// 3,500 common characters by frequency), and the rest to one "other" file of the edition. Each slice
// is written once per publication, to <fonts>/<role>/<slice>-<hash>.woff2: an edition of another
// day lists the same files, so a returning reader's browser has them cached, and fetches, of those
// the edition lists, only the ones whose characters the page in view prints (unicode-range).
//
// Each sliced role also gets its stand-in (font-stand-in.mjs): the slices' characters with the
// real metrics and plain bars for glyphs, stable across days like the slices.
//
// The source is each face's full font file (one file: a slice cannot be assembled from the
// @fontsource packages' own pieces, whose ranges cut across it).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BASE_SLICE, SLICES } from './font-slices.js';
import { fontPackageDir, fontReader, toUnicodeRange } from './font-sources.mjs';
import { STAND_IN_VERSION, makeStandIn } from './font-stand-in.mjs';

/**
 * The face each role uses, from its full font; the masthead's few characters are cut exactly, never
 * sliced. `standInInk`: the stand-in's ink against the real glyphs' (font-stand-in.mjs), so that
 * its grey at a desktop fit matches the real text's (scripts/stand-in-grey.mjs: the body's thin
 * serif strokes draw lighter than bars of their area; the headline's black strokes do not).
 */
export const SLICED_FACES = {
  body: {
    pkg: '@expo-google-fonts/noto-serif-sc',
    file: '400Regular/NotoSerifSC_400Regular.ttf',
    weight: 400,
    sliced: true,
    standInInk: 0.62,
  },
  headline: { pkg: '@expo-google-fonts/noto-sans-sc', file: '900Black/NotoSansSC_900Black.ttf', weight: 900, sliced: true, standInInk: 1 },
  masthead: { pkg: '@expo-google-fonts/ma-shan-zheng', file: '400Regular/MaShanZheng_400Regular.ttf', weight: 400, sliced: false },
};

/** [name, characters] of every slice, base first. */
const NAMED_SLICES = [['base', BASE_SLICE], ...SLICES.map((chars, i) => [`s${String(i + 1).padStart(2, '0')}`, chars])];

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * Writes (or finds, from an earlier edition) the files that cover `printed[role]` (the characters
 * each role prints) under `fontsRoot`, and returns them: per role, in slice order, each with its
 * path, its unicode-range (the characters the file has, within its slice) and its size; plus
 * what each role covers, and the printed characters no file has.
 */
export async function cutSlices(printed, fontsRoot) {
  const require = createRequire(import.meta.url);
  const subsetFont = require('subset-font');
  const readFace = await fontReader();
  // What earlier runs cut, by source and characters: a later edition skips the subsetting.
  const manifestPath = join(fontsRoot, 'slices.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const files = [];
  const coverage = {};
  const missing = {};
  for (const [role, face] of Object.entries(SLICED_FACES)) {
    const pkgDir = fontPackageDir(face.pkg);
    const source = `${face.pkg}@${JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version}/${face.file}`;
    let sourceBytes;
    const roleDir = join(fontsRoot, role);
    mkdirSync(roleDir, { recursive: true });
    // The fonts are under the SIL Open Font License, which travels with every copy.
    writeFileSync(join(roleDir, 'LICENSE.txt'), `${source}\n\n${readFileSync(join(pkgDir, 'LICENSE_FONT'), 'utf8')}`);

    const wanted = new Set(printed[role]);
    const groups = [];
    const left = new Set(wanted);
    if (face.sliced)
      for (const [name, chars] of NAMED_SLICES) {
        const all = Array.from(chars);
        if (all.some((ch) => wanted.has(ch))) groups.push({ name, chars: all });
        all.forEach((ch) => left.delete(ch));
      }
    if (left.size) groups.push({ name: 'other', chars: [...left].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)) });

    const covered = [];
    for (const { name, chars } of groups) {
      const key = sha256(`${source}\n${chars.join('')}`);
      let entry = manifest[role]?.[key];
      if (!entry || !existsSync(join(roleDir, entry.file))) {
        sourceBytes ??= readFileSync(join(pkgDir, face.file));
        const woff2 = await subsetFont(sourceBytes, chars.join(''), { targetFormat: 'woff2' });
        // Read the written file back: its character map, within the slice, is its unicode-range.
        const { unicodes } = await readFace(woff2);
        const has = chars.map((ch) => ch.codePointAt(0)).filter((cp) => unicodes.has(cp));
        entry = {
          file: `${name}-${sha256(woff2).slice(0, 10)}.woff2`,
          unicodeRange: toUnicodeRange(has),
          bytes: woff2.length,
          chars: has.length,
        };
        writeFileSync(join(roleDir, entry.file), woff2);
        (manifest[role] ??= {})[key] = entry;
      }
      if (!entry.chars) continue; // the face has none of them: a fallback draws them
      files.push({
        role,
        name,
        kind: name === 'other' ? 'other' : 'slice',
        path: join(roleDir, entry.file),
        weight: face.weight,
        ...entry,
      });
      for (const ch of chars) if (rangeHas(entry.unicodeRange, ch.codePointAt(0))) covered.push(ch);
    }
    // The stand-in: every slice's characters, cut once like them (font-stand-in.mjs).
    if (face.sliced) {
      const chars = NAMED_SLICES.map(([, slice]) => slice).join('');
      const key = sha256(`stand-in ${STAND_IN_VERSION} ${face.standInInk}\n${source}\n${chars}`);
      let entry = manifest[role]?.[key];
      if (!entry || !existsSync(join(roleDir, entry.file))) {
        sourceBytes ??= readFileSync(join(pkgDir, face.file));
        const { woff2, ink } = await makeStandIn(sourceBytes, chars, { ink: face.standInInk });
        entry = { file: `stand-in-${sha256(woff2).slice(0, 10)}.woff2`, bytes: woff2.length, ink: Number(ink.toFixed(3)) };
        writeFileSync(join(roleDir, entry.file), woff2);
        (manifest[role] ??= {})[key] = entry;
      }
      files.push({ role, name: 'stand-in', kind: 'stand-in', path: join(roleDir, entry.file), weight: face.weight, bytes: entry.bytes });
    }
    coverage[role] = covered;
    const lost = [...wanted].filter((ch) => !covered.includes(ch));
    if (lost.length) missing[role] = lost;
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
  return { files, coverage, missing, faces: SLICED_FACES };
}

/** Whether a unicode-range of single code points and spans (as toUnicodeRange writes it) has `cp`. */
function rangeHas(range, cp) {
  return range.split(',').some((part) => {
    const [from, to] = part.replace('U+', '').split('-');
    return cp >= parseInt(from, 16) && cp <= parseInt(to ?? from, 16);
  });
}
