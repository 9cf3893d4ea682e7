/**
 * Writes an imported edition as a folder ready to serve:
 *
 *   <out>/edition.json          the edition (the first page inline, the others as page references)
 *   <out>/pages/<page-id>.json  a page file per page after the first (multi-page issues), so the
 *                               viewer's first render fetches two files whatever the page count
 *   <out>/images/…              the page and photo images, with --copy-images
 *   <out>/tiles/<page-id>/…     a scan page's IIIF tiles, with --tiles (tiles/write-tiles.ts)
 *   <out>/warnings.json         what the import could not carry over, each with where and why
 *
 * A page whose articles continue on another page stays inline (a page file holds only articles
 * of its own page). Local images are copied (--copy-images) or referenced by a path relative to
 * the edition; http(s) images are referenced as they are.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { decodePath, type ImportWarning } from '../edition/importers/common.js';
import type { Article, Edition, Page } from '../edition/schema.js';
import { regionsOf } from '../edition/regions.js';
import { validateEdition } from '../edition/validate.js';
import { validatePageFile } from '../edition/page-files/page-files.js';
import { CliError, EXIT } from './exit-codes.js';

export interface WriteOptions {
  /** The edition folder. */
  out: string;
  /** Where relative image hrefs of the input are (the input file's folder). */
  sourceDir: string;
  copyImages: boolean;
  /** Page files for the pages after the first; false keeps every page in edition.json. */
  pageFiles: boolean;
  /** Facts for the warnings file: the inputs and the kind. */
  meta: Record<string, unknown>;
}

const isRelative = (src: string) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src) && !src.startsWith('//') && !src.startsWith('/');
const posix = (path: string) => path.split(sep).join('/');

/** Writes `text` to `path` through a temporary file, so that a reader never sees half a file. */
function writeAtomic(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

/** The files written, and warnings about images the folder will not find. */
export function writeEdition(
  input: Edition,
  warnings: ImportWarning[],
  options: WriteOptions,
): { files: string[]; warnings: ImportWarning[]; edition: Edition } {
  const out = resolve(options.out);
  const written: string[] = [];
  const more: ImportWarning[] = [];
  try {
    mkdirSync(out, { recursive: true });
    rmSync(join(out, 'pages'), { recursive: true, force: true });
    if (options.copyImages) mkdirSync(join(out, 'images'), { recursive: true });
  } catch (error) {
    throw new CliError(EXIT.cantCreate, `${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }

  // Images: each local file once, under a name of its own in images/.
  const copied = new Map<string, string>();
  const names = new Set<string>();
  const image = (src: string, path: string): string => {
    if (!isRelative(src)) return src;
    const file = resolve(options.sourceDir, decodePath(src.replace(/[?#].*$/, '')));
    if (!existsSync(file)) {
      more.push({ path, message: `the image "${src}" is not at ${posix(relative(process.cwd(), file))}: the viewer will not find it` });
      return src;
    }
    if (!options.copyImages) {
      const rel = posix(relative(out, file));
      if (rel.startsWith('../'))
        more.push({ path, message: `the image "${src}" lies outside the edition folder (${rel}): serve it there, or use --copy-images` });
      return encodeURI(rel);
    }
    const done = copied.get(file);
    if (done) return done;
    let name = basename(file);
    for (let n = 2; names.has(name.toLowerCase()); n++) name = basename(file).replace(/(\.[^.]*)?$/, `-${n}$1`);
    names.add(name.toLowerCase());
    try {
      copyFileSync(file, join(out, 'images', name));
    } catch (error) {
      throw new CliError(EXIT.cantCreate, `${join(out, 'images', name)}: cannot be written (${(error as Error).message})`);
    }
    const url = `images/${encodeURIComponent(name)}`;
    copied.set(file, url);
    return url;
  };
  const pages: Page[] = input.pages.map((page, p) => {
    if (!page.scan) return page;
    const scan = { ...page.scan, src: image(page.scan.src, `pages[${p}].scan`) };
    if (scan.srcset) scan.srcset = scan.srcset.map((entry, k) => ({ ...entry, src: image(entry.src, `pages[${p}].scan.srcset[${k}]`) }));
    return { ...page, scan };
  });
  const articles: Article[] = input.articles.map((article, a) =>
    article.photos
      ? {
          ...article,
          photos: article.photos.map((photo, k) =>
            photo.src ? { ...photo, src: image(photo.src, `articles[${a}].photos[${k}]`) } : photo,
          ),
        }
      : article,
  );
  let edition: Edition = validateEdition({ ...input, pages, articles });

  // Page files for the pages after the first whose articles are theirs alone.
  const files = new Map<string, unknown>();
  if (options.pageFiles && edition.pages.length > 1) {
    const pagesOf = new Map<string, Set<Page>>();
    for (const page of edition.pages)
      for (const region of regionsOf(page))
        (pagesOf.get(region.article) ?? pagesOf.set(region.article, new Set()).get(region.article)!).add(page);
    const moved = new Set<string>();
    const refs = edition.pages.map((page, i) => {
      const ids = new Set(regionsOf(page).map((r) => r.article));
      if (i === 0 || [...ids].some((id) => pagesOf.get(id)!.size > 1)) return page;
      const rebase = (src: string) => (isRelative(src) ? `../${src}` : src);
      const own = edition.articles
        .filter((article) => ids.has(article.id))
        .map((article) =>
          article.photos
            ? { ...article, photos: article.photos.map((photo) => (photo.src ? { ...photo, src: rebase(photo.src) } : photo)) }
            : article,
        );
      const scan = page.scan && {
        ...page.scan,
        src: rebase(page.scan.src),
        ...(page.scan.srcset && { srcset: page.scan.srcset.map((s) => ({ ...s, src: rebase(s.src) })) }),
        ...(page.scan.tiles && { tiles: { ...page.scan.tiles, service: rebase(page.scan.tiles.service) } }),
      };
      const src = `pages/${encodeURIComponent(page.id)}.json`;
      files.set(src, { format: 'e-paper-page', version: 1, page: { ...page, ...(scan && { scan }) }, articles: own });
      for (const id of ids) moved.add(id);
      return {
        id: page.id,
        label: page.label,
        ...(page.section !== undefined && { section: page.section }),
        width: page.width,
        height: page.height,
        src,
      };
    });
    edition = validateEdition({ ...edition, articles: edition.articles.filter((article) => !moved.has(article.id)), pages: refs });
    // Each file checked as the viewer will check it, against the ids known before it.
    const known = new Set(edition.articles.map((a) => a.id));
    for (const page of edition.pages) {
      const file = page.src && files.get(page.src);
      if (!file) continue;
      const checked = validatePageFile(file, page, known);
      for (const article of checked.articles) known.add(article.id);
    }
  }

  try {
    if (files.size) mkdirSync(join(out, 'pages'), { recursive: true });
    for (const [src, file] of files) {
      const path = join(out, decodeURIComponent(src));
      writeAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
      written.push(path);
    }
    const all = [...warnings, ...more];
    writeAtomic(
      join(out, 'warnings.json'),
      `${JSON.stringify({ ...options.meta, edition: edition.id, count: all.length, warnings: all }, null, 2)}\n`,
    );
    written.push(join(out, 'warnings.json'));
    // The edition last: a folder with an edition.json is complete.
    writeAtomic(join(out, 'edition.json'), `${JSON.stringify(edition, null, 2)}\n`);
    written.push(join(out, 'edition.json'));
  } catch (error) {
    throw new CliError(EXIT.cantCreate, `${out}: cannot be written (${(error as Error).message})`);
  }
  for (const url of copied.values()) written.push(join(out, decodeURIComponent(url)));
  return { files: written.map((f) => posix(relative(process.cwd(), f))), warnings: more, edition };
}
