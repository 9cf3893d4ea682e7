import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EditionLoadError, loadEdition } from '../edition/load.js';
import { loadEditionFonts } from '../edition/fonts.js';
import { EditionError, validEdition } from '../edition/validate-core.js';
import type { Edition, Page } from '../edition/schema.js';
import { uiStrings } from '../i18n/strings.js';
import { emit, type EPaperEventMap } from '../events/events.js';

/** `detail` of `e-paper-error`. */
export type LoadProblem = EPaperEventMap['e-paper-error'];

/** Where the edition comes from: the `edition` object, else the `src` URL; and the limits of a fetch. */
export interface EditionSource {
  edition?: unknown;
  src?: string;
  loadTimeout: number;
  maxBytes: number;
}

/** One load: its signal (aborted by a later load or a disconnect), and whether it is still the latest. */
export interface LoadTicket {
  readonly signal: AbortSignal;
  current(): boolean;
}

/**
 * Loads the viewer's edition: validates the object or fetches the file (abortable, with a timeout
 * and a size limit), and its fonts. Each load cuts off the one before; a disconnect cuts it off too.
 */
export class EditionLoadingController implements ReactiveController {
  #abort?: AbortController;
  #generation = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Starts a load, cutting off the one before. */
  begin(): LoadTicket {
    this.#abort?.abort();
    const controller = (this.#abort = new AbortController());
    const generation = ++this.#generation;
    return { signal: controller.signal, current: () => generation === this.#generation };
  }

  /** The edition, validated, and the URL its relative URLs resolve against. Rejects with an {@link EditionLoadError} or {@link EditionError}. */
  async fetch(source: EditionSource, signal: AbortSignal): Promise<{ edition: Edition; baseUrl: string }> {
    const baseUrl = source.edition !== undefined ? document.baseURI : new URL(source.src!, document.baseURI).href;
    const edition =
      source.edition !== undefined
        ? await validEdition(source.edition)
        : await loadEdition(baseUrl, { signal, timeoutMs: source.loadTimeout, maxBytes: source.maxBytes });
    // Continued articles' jumps are checked across pages by a module of their own.
    if (edition.pages.some((page) => page.jumps)) (await import('../edition/continued/jump-checks.js')).assertJumps(edition);
    return { edition, baseUrl };
  }

  /**
   * The edition's fonts that `page` prints (an edition's fonts may be sliced by character). One
   * that fails is reported (`e-paper-error`, cause `font`) and a system face stands in. Never rejects.
   * `scale`: CSS px per page px as the page is first shown (text too small to read there
   * is drawn by the role's stand-in until the real faces are in).
   */
  fonts(edition: Edition, baseUrl: string, page: Page, scale?: number): Promise<unknown> {
    return loadEditionFonts(
      edition,
      baseUrl,
      undefined,
      (url) => {
        const message = `font ${url} failed; a system font stands in`;
        console.warn(`e-paper: ${message}`);
        emit(this.host, 'e-paper-error', { cause: 'font', message, problems: [], url }, true);
      },
      page,
      scale,
    );
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }
}

/** What the reader is told, and the host page hears, about a failed load (UI language `lang`). */
export function describeError(error: unknown, lang: string): LoadProblem {
  const strings = uiStrings(lang);
  if (error instanceof EditionLoadError) {
    return { cause: error.failure, message: `${strings.errors[error.failure]} (${error.message})`, problems: error.problems };
  }
  if (error instanceof EditionError) return { cause: 'invalid', message: strings.errors.invalid, problems: error.problems };
  return { cause: 'network', message: strings.errors.network, problems: [] };
}
