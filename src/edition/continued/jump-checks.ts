/**
 * Continued articles (转X版 / 上接第X版): an article printed in parts on several pages is one
 * article with a region on each of those pages, and each page's `jumps` give the jump lines as
 * printed (see `JumpSchema`). These are the checks of the jumps that span pages: a module apart
 * from the validator's, so that the first render carries them only for an edition that has jumps
 * (the viewer loads it then); the command and the importers turn them on with `useJumpChecks`.
 */
import type { Edition, Page } from '../schema.js';
import { EditionError, MAX_PROBLEMS, type EditionProblem } from '../validate-core.js';
import { isPageRef } from '../page-ref.js';
import { regionsOf } from '../regions.js';

const regionCount = (page: Page, article: string) => regionsOf(page).filter((region) => region.article === article).length;

/**
 * The problems of the pages' jumps: each names an article with a region on its page (a part may
 * be several regions, as an importer cuts a long list of shapes) and
 * exactly one other page (`to` or `from`) that has a region of it too and is in the edition
 * file (a page file holds no jumps: its articles are its own, see page-files.ts).
 */
export function checkJumps(pages: readonly Page[], pagePath: (p: number) => string): EditionProblem[] {
  const problems: EditionProblem[] = [];
  const byId = new Map(pages.map((page) => [page.id, page]));
  pages.forEach((page, p) => {
    const seen = new Set<string>();
    page.jumps?.forEach((jump, j) => {
      const at = `${pagePath(p)}.jumps[${j}]`;
      const add = (path: string, message: string) => problems.push({ path, message });
      if (!regionCount(page, jump.article)) add(`${at}.article`, `expected an article with a region on this page, got "${jump.article}"`);
      const ends = (['to', 'from'] as const).filter((end) => jump[end] !== undefined);
      if (ends.length !== 1) return add(at, 'expected one of to and from');
      const [end] = ends;
      const id = jump[end]!;
      const other = byId.get(id);
      const key = `${jump.article} ${end} ${id}`;
      if (seen.has(key)) add(at, `duplicate jump of article "${jump.article}" ${end} page "${id}"`);
      seen.add(key);
      if (!other) add(`${at}.${end}`, `expected the id of a page of the edition, got "${id}"`);
      else if (other === page) add(`${at}.${end}`, 'expected another page than this one');
      else if (isPageRef(other))
        add(
          `${at}.${end}`,
          `expected a page in the edition file, got "${id}", kept in a page file (a continued article's pages stay inline)`,
        );
      else if (!regionCount(other, jump.article))
        add(`${at}.${end}`, `expected a page with a region of article "${jump.article}", got "${id}"`);
    });
  });
  return problems;
}

/** Throws an {@link EditionError} for the problems of `edition`'s jumps ({@link checkJumps}), if it has any. */
export function assertJumps(edition: Edition): void {
  const problems = checkJumps(edition.pages, (p) => `pages[${p}]`);
  if (problems.length) throw new EditionError(problems.slice(0, MAX_PROBLEMS));
}
