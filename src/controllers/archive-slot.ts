import type { Archive } from '../edition/archive/archive-schema.js';
import type { ArchiveActions, ArchiveController } from './archive.js';
import { describeError } from './edition-loading.js';
import type { ViewerContext } from './viewer-context.js';

/**
 * The viewer's hold on its archive ({@link ArchiveController}, a module of its own): loads that
 * module only when the `archive` attribute is set and the index is due, and passes on to it. The
 * archive's picker is a lazy part; the date the hash names is the archive's first choice; an index
 * that fails is the viewer's error without an edition to show, else a notice.
 */
export class ArchiveSlot {
  #archive?: ArchiveController;
  #loading?: Promise<ArchiveController>;

  constructor(private readonly ctx: ViewerContext) {}

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
    const { host } = this.ctx;
    if (this.#archive) this.#archive.changed(editionShown);
    else if (host.archive && (editionShown || (!host.src && host.edition === undefined))) void this.#use();
  }

  /** The edition is shown, or failed: the archive's index may load now. */
  editionSettled(): void {
    if (this.#archive) this.#archive.editionSettled();
    else if (this.ctx.host.archive) void this.#use();
  }

  /** Loads the archive's controller once the index is due, and lets it load the index. */
  async #use(): Promise<void> {
    const { ctx } = this;
    const actions: ArchiveActions = {
      needPicker: () => ctx.parts.need('e-paper-archive'),
      wantedDate: () => ctx.hash.param('date'),
      failed: (error, fatal) => {
        const problem = describeError(error, ctx.host.lang);
        if (fatal) ctx.fail(problem);
        else ctx.notices.message(problem.message);
      },
    };
    this.#loading ??= import('./archive.js').then((m) => (this.#archive = new m.ArchiveController(ctx.host, actions)));
    const archive = await this.#loading.catch((error: unknown) => {
      this.#loading = undefined;
      ctx.notices.message(describeError(error, ctx.host.lang).message);
    });
    archive?.changed(true);
  }
}
