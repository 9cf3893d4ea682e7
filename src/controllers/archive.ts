import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Archive } from '../edition/archive/archive-schema.js';
import { loadArchive } from '../edition/archive/load-archive.js';

/** What the archive needs of the viewer. */
export interface ArchiveViewer extends ReactiveControllerHost, HTMLElement {
  archive?: string;
  src?: string;
  edition?: unknown;
  loadTimeout: number;
}

/** What the archive does through the viewer. */
export interface ArchiveActions {
  /** Loads the archive's date picker. */
  needPicker(): void;
  /** The date the URL hash names, if the viewer keeps the hash. */
  wantedDate(): string | undefined;
  /** The index failed: a side matter with an edition to show (`fatal` false), else the viewer's error. */
  failed(error: unknown, fatal: boolean): void;
}

/**
 * The archive index (dates → edition URLs) of the `archive` attribute. With an edition to show
 * first, it loads once that edition is shown or has failed: the first render shares nothing with
 * it. Without `src`, it names the edition to show (the hash's date, or the latest). A module of
 * its own, with the index's loading: the viewer loads it when `archive` is first set.
 */
export class ArchiveController implements ReactiveController {
  /** The index, once loaded. */
  index?: Archive;
  #abort?: AbortController;
  /** The index is to load once the edition is shown (or has failed). */
  #afterReady = false;

  constructor(
    private readonly host: ArchiveViewer,
    private readonly actions: ArchiveActions,
  ) {
    host.addController(this);
  }

  /** `archive` changed: loads the index now, or once the edition is shown (`edition shown`: whether it has been, or there is none to wait for). */
  changed(editionShown: boolean): void {
    if (editionShown || (!this.host.src && this.host.edition === undefined)) void this.load();
    else this.#afterReady = true;
  }

  /** The edition is shown, or failed: the index may load now if it waited for that. */
  editionSettled(): void {
    if (!this.#afterReady) return;
    this.#afterReady = false;
    void this.load();
  }

  /** Loads the index; without `src`, it then names the edition to show. */
  async load(): Promise<void> {
    const { host } = this;
    this.#abort?.abort();
    this.#set(undefined);
    if (!host.archive) return;
    const controller = (this.#abort = new AbortController());
    try {
      this.actions.needPicker();
      const index = await loadArchive(new URL(host.archive, document.baseURI), { signal: controller.signal, timeoutMs: host.loadTimeout });
      if (controller.signal.aborted) return;
      this.#set(index);
      if (!host.src && host.edition === undefined) {
        const wanted = this.actions.wantedDate();
        const entry = index.editions.find((e) => e.date === wanted) ?? index.editions.at(-1);
        if (entry) host.src = entry.src;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      this.actions.failed(error, !host.src && host.edition === undefined);
    }
  }

  /** The archive's entry for `date`, if the index is loaded and has one. */
  entry(date: string | undefined): Archive['editions'][number] | undefined {
    return date === undefined ? undefined : this.index?.editions.find((e) => e.date === date);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  #set(index: Archive | undefined): void {
    this.index = index;
    this.host.requestUpdate();
  }
}
