// The scaling scenario's inputs (issue 11), made on every run: see make-inputs.mjs's header.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { archiveIndex, multiPageEdition, splitEdition } from '../scripts/editions-from-a1.js';
import { EDITION_FILE, EDITION_URL, FONTS_DIR, SCALE_DIR, SCALE_URLS } from './inputs-paths.mjs';

/** The split edition's page files, relative to its manifest. */
const PAGE_FILES = 'edition-24p';
const SCALE_PAGES = 24;
const SCALE_DAYS = 365;
/** Bytes and gzipped bytes (level 6, as the bench server sends them) of a text. */
const sizes = (text) => ({ bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 6 }).length });

/**
 * The scaling scenario's inputs (issue 11), from the A1 edition and the test fixtures: a 24-page
 * edition, split into a manifest and page files and also as one file, beside a copy of A1's fonts
 * (its font paths are A1's, relative to the edition's URL); and a 365-day archive index ending on
 * A1's date whose entries all point at the A1 edition (only the index is loaded for the first
 * render). Cheap, so made on every run.
 */
export function makeScaleInputs() {
  const a1 = JSON.parse(readFileSync(EDITION_FILE, 'utf8'));
  mkdirSync(SCALE_DIR, { recursive: true });
  const fontsCopy = join(SCALE_DIR, 'zhuzhou-daily-2021-01-08/fonts');
  mkdirSync(fontsCopy, { recursive: true });
  for (const name of readdirSync(FONTS_DIR)) if (name.endsWith('.woff2')) copyFileSync(join(FONTS_DIR, name), join(fontsCopy, name));
  const edition = multiPageEdition(a1, SCALE_PAGES);
  const oneFileJson = JSON.stringify(edition);
  writeFileSync(join(SCALE_DIR, 'edition-24p-one-file.json'), oneFileJson);
  const split = splitEdition(edition, (page) => `${PAGE_FILES}/${encodeURIComponent(page.id)}.json`);
  const manifestJson = JSON.stringify(split.edition);
  writeFileSync(join(SCALE_DIR, 'edition-24p.json'), manifestJson);
  // No page files left over from an edition of other pages.
  rmSync(join(SCALE_DIR, PAGE_FILES), { recursive: true, force: true });
  mkdirSync(join(SCALE_DIR, PAGE_FILES));
  const pageFiles = { count: 0, bytes: 0, gzipBytes: 0 };
  for (const [src, file] of split.files) {
    const json = JSON.stringify(file);
    writeFileSync(join(SCALE_DIR, decodeURIComponent(src)), json);
    const size = sizes(json);
    pageFiles.count++;
    pageFiles.bytes += size.bytes;
    pageFiles.gzipBytes += size.gzipBytes;
  }
  // From /bench/.cache/scale/ back to the A1 edition the bench serves at EDITION_URL.
  const toA1 = `../../..${EDITION_URL}`;
  const archive = archiveIndex(a1.date, SCALE_DAYS, () => toA1);
  const archiveJson = JSON.stringify(archive);
  writeFileSync(join(SCALE_DIR, 'archive-365.json'), archiveJson);
  const about = { id: edition.id, pages: edition.pages.length, articles: edition.articles.length };
  return {
    // bytes and gzipBytes: the manifest's, what the first render fetches; pageFiles: all 23 files together.
    edition24: {
      url: SCALE_URLS.edition24,
      ...about,
      inlinePages: 1,
      manifestArticles: split.edition.articles.length,
      ...sizes(manifestJson),
      pageFiles,
    },
    edition24OneFile: { url: SCALE_URLS.edition24OneFile, ...about, ...sizes(oneFileJson) },
    archive365: {
      url: SCALE_URLS.archive365,
      days: SCALE_DAYS,
      first: archive.editions[0].date,
      last: archive.editions.at(-1).date,
      editions: archive.editions.length,
      src: toA1,
      ...sizes(archiveJson),
    },
    a1: { url: EDITION_URL, ...sizes(readFileSync(EDITION_FILE, 'utf8')) },
  };
}
