import type { Archive } from '../edition/archive/archive-schema.js';
import type { ArchiveActions, ArchiveController, ArchiveViewer } from './archive.js';

/**
 * The viewer's hold on its archive ({@link ArchiveController}, a module of its own): loads that
 * module only when the `archive` attribute is set and the index is due, and passes on to it.
 */
export class ArchiveSlot {
  #archive?: ArchiveController;
  #loading?: Promise<ArchiveController>;

  constructor(
    private readonly host: ArchiveViewer,
    private readonly actions: ArchiveActions & {
      /** The archive's module could not be loaded. */
      unavailable(error: unknown): void;
    },
  ) {}

  /** The index, once loaded. */
  get index(): Archive | undefined {
    return this.#archive?.index;
  }

  /** The archive's entry for `date`, if the index is loaded and has one. */
  entry(date: string | undefined): Archive['editions'][number] | undefined {
    return this.#archive?.entry(date);
  }

  /**
   * `archive` changed (`editionShown`: the edition in view has been shown). With an edition to
   * show first, the archive waits for it: the first render shares nothing with it.
   */
  changed(editionShown: boolean): void {
    if (this.#archive) this.#archive.changed(editionShown);
    else if (this.host.archive && (editionShown || (!this.host.src && this.host.edition === undefined))) void this.#use();
  }

  /** The edition is shown, or failed: the archive's index may load now. */
  editionSettled(): void {
    if (this.#archive) this.#archive.editionSettled();
    else if (this.host.archive) void this.#use();
  }

  /** Loads the archive's controller once the index is due, and lets it load the index. */
  async #use(): Promise<void> {
    this.#loading ??= import('./archive.js').then((m) => (this.#archive = new m.ArchiveController(this.host, this.actions)));
    const archive = await this.#loading.catch((error: unknown) => {
      this.#loading = undefined;
      this.actions.unavailable(error);
    });
    archive?.changed(true);
  }
}
