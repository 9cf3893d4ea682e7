/**
 * The stories' data: the A1 edition of the demo (demo/editions/, served by Storybook's staticDirs
 * at the same path the test runner serves it), and the tricks that hold the viewer in its other
 * states.
 */
import { loadEdition } from '../../src/edition/load.js';
import { loadEditionFonts } from '../../src/edition/fonts.js';
import { articlesOnPage } from '../../src/edition/regions.js';
import type { Article, Edition, Page } from '../../src/edition/schema.js';
import { ReadingStateController } from '../../src/state/reading-state.js';

/** The A1 edition, relative to the document (Storybook's iframe.html, or the test page). */
export const A1_SRC = 'demo/editions/zhuzhou-daily-2021-01-08.json';
/** The same page as a scan: an image made from the typeset page, with the same regions. */
export const A1_SCAN_SRC = 'demo/editions/zhuzhou-daily-2021-01-08-scan.json';
/** A test edition from A1's articles (not the paper's layout): the lead story (a2) goes on on page A2. */
export const CONTINUED_SRC = 'demo/editions/continued-test.json';
/** A file that is not there: the viewer's "could not load" error. */
export const MISSING_SRC = 'demo/editions/no-such-edition.json';
/** A URL no server is asked for: {@link holdPendingFetch} keeps its request open. */
export const PENDING_SRC = 'demo/editions/storybook-pending-edition.json';

let a1: Promise<{ edition: Edition; baseUrl: string }> | undefined;

/** The A1 edition, validated, with its fonts registered (once per page). */
export function loadA1(): Promise<{ edition: Edition; baseUrl: string }> {
  a1 ??= (async () => {
    const baseUrl = new URL(A1_SRC, document.baseURI).href;
    const edition = await loadEdition(baseUrl);
    await loadEditionFonts(edition, baseUrl);
    return { edition, baseUrl };
  })();
  a1.catch(() => (a1 = undefined));
  return a1;
}

/** What the A1 loader hands a story in `context.loaded`. */
export interface A1Loaded {
  edition: Edition;
  baseUrl: string;
  page: Page;
  /** The page's articles in reading order. */
  articles: Article[];
}

/** A Storybook loader: the A1 edition for stories that set `.edition` on an element. */
export async function a1Loader(): Promise<A1Loaded> {
  const { edition, baseUrl } = await loadA1();
  const page = edition.pages[0];
  return { edition, baseUrl, page, articles: articlesOnPage(edition, page) };
}

/** Data as a site might send it by mistake: A1 with a block of negative width and an unknown part. */
export async function invalidEditionLoader(): Promise<{ invalidEdition: unknown }> {
  const { edition } = await loadA1();
  const broken = structuredClone(edition) as unknown as {
    pages: { blocks: { rect: { w: number } }[] }[];
    articles: { headline: unknown }[];
  };
  broken.pages[0].blocks[3].rect.w = -5;
  broken.articles[1].headline = 42;
  return { invalidEdition: broken };
}

/**
 * The loading state, held: while installed, a `fetch` of {@link PENDING_SRC} never answers, as on a
 * stalled network. It gives up only when the viewer itself aborts (it was removed, or given another
 * source), not on the loader's 20 s time-out, so the skeleton stays for as long as the story is
 * shown. Every other request goes through untouched. Returns the uninstaller (Storybook's
 * `beforeEach` cleanup).
 */
export function holdPendingFetch(): () => void {
  const original = globalThis.fetch;
  const held: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    if (!url.pathname.endsWith(`/${PENDING_SRC}`)) return original(input, init);
    return new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      // AbortSignal.any() takes the reason of the signal that fired first: the viewer's own abort
      // is an AbortError, the loader's time-out a TimeoutError.
      signal?.addEventListener('abort', () => {
        if ((signal.reason as DOMException | undefined)?.name !== 'TimeoutError') reject(signal.reason);
      });
    });
  };
  globalThis.fetch = held;
  return () => {
    if (globalThis.fetch === held) globalThis.fetch = original;
  };
}

/** Ids the read-marks stories show as read. */
export const READ_IDS = ['a1', 'a2', 'a6'] as const;
/** The storage key of the read-marks story: its own records, apart from a reader's. */
export const READ_MARKS_STORAGE_KEY = 'storybook-read-marks';

/**
 * Seeds the reading state that `<e-paper storage-key="storybook-read-marks">` restores: articles
 * {@link READ_IDS} read, nothing open, no saved view. It goes through the viewer's own reading-state
 * controller, so the record is one the viewer accepts. (The viewer has no public property for read
 * marks: they come from the reader's history.)
 */
export async function seedReadMarks(): Promise<void> {
  const { edition } = await loadA1();
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const state = new ReadingStateController(host, { persist: true, storageKey: READ_MARKS_STORAGE_KEY });
  await state.restore(edition.id, { articleIds: edition.articles.map((a) => a.id), pageIds: edition.pages.map((p) => p.id) });
  await state.clear();
  for (const id of READ_IDS) state.markRead(id);
  await state.flush();
  state.hostDisconnected();
}
