import { LitElement, html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import { writtenDate } from '../../i18n/strings.js';
import {
  OfflineSaveError,
  cacheStorage,
  removeSaved,
  saveEdition,
  savedEdition,
  savedEditions,
  type SaveProgress,
  type SavedEdition,
} from '../../offline/offline-save.js';
import { readerImageWidth } from '../../offline/offline-plan.js';
import { formatBytes, offlineStrings } from './offline-strings.js';
import { LAZY_ELEMENTS, definePart, type LazyElementName } from '../../lazy-parts.js';
import { narrowStyles, offlineStyles } from './e-paper-offline.styles.js';
import { fitPanelUnderToolbar } from '../e-paper-contents/panel-room.js';

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-offline': EPaperOffline;
  }
}

const saveIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19h14"></path></svg>`;
const savedIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 19h14M7.5 10.5 11 14l6-7"></path></svg>`;

/**
 * Loads every part of the viewer a reader may use offline (the reader, the search …) and the
 * page file loader, so that the host's service worker, which keeps the viewer's code as it
 * passes, has them all: a part first asked for offline would fail. Rejects when one fails.
 */
const viewerCode = () =>
  Promise.all([
    ...(Object.keys(LAZY_ELEMENTS) as LazyElementName[]).map((name) => definePart(name)),
    import('../../edition/page-files/page-file-loader.js'),
  ]);

/** What the panel says last: a result, a problem, or the progress of a save. */
type Status =
  | { kind: 'idle' }
  | { kind: 'saving'; progress: SaveProgress }
  | { kind: 'done'; bytes: number }
  | { kind: 'problem'; failure: 'quota' | 'failed' }
  | { kind: 'removed'; title: string };

/**
 * Offline reading: a toolbar button that opens a panel to save the edition in view in the
 * browser's Cache Storage (its JSON, page files, the font slices its text needs, its scan images
 * at the widths this screen needs, its photos), with progress and a result, and the list of
 * saved editions with their size and a remove button. The button reads "saved" once the edition
 * is. A lazy part of its own, shown by the viewer when the host asks (`offline`): a saved edition
 * reads offline only through the service worker the host registers (dist/e-paper-sw.js).
 *
 * @csspart offline-button - The toolbar button.
 * @csspart offline-panel - The panel.
 * @cssprop [--e-paper-accent=#c8161d] - The saved mark, the progress bar and the edge of a problem.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-toolbar-bg=#fff] - Background of the panel.
 * @cssprop [--e-paper-toolbar-bg-dark=#242424] - `--e-paper-toolbar-bg` in the dark theme.
 * @cssprop [--e-paper-toolbar-ink=--e-paper-ui-ink] - Text of the panel.
 * @cssprop [--e-paper-toolbar-ink-dark=--e-paper-ui-ink-dark] - `--e-paper-toolbar-ink` in the dark theme.
 */
export class EPaperOffline extends LitElement {
  static override styles = [tokenStyles, offlineStyles, narrowStyles];

  /** The edition JSON's URL, absolute: what is saved. */
  @property() src = '';

  /** UI language. */
  @property() override lang = 'zh-CN';

  /** The Cache Storage to use (tests give a wrapper over the browser's). */
  @property({ attribute: false }) caches = cacheStorage();

  @state() private open = false;
  /** The edition in view, if saved. */
  @state() private saved?: SavedEdition;
  /** Every saved edition. */
  @state() private list: SavedEdition[] = [];
  @state() private status: Status = { kind: 'idle' };

  /** Resolves once what is saved has been read after the last change of `src` (tests wait for it). */
  refreshed: Promise<void> = Promise.resolve();

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKeyDown);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('src') || changed.has('caches')) this.refreshed = this.#refresh();
  }

  /** Reads what is saved: the edition in view and the list. */
  async #refresh(): Promise<void> {
    const [saved, list] = await Promise.all([this.src ? savedEdition(this.src, this.caches) : undefined, savedEditions(this.caches)]);
    this.saved = saved;
    this.list = list;
  }

  #onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
  };

  async #toggle(): Promise<void> {
    this.open = !this.open;
    if (!this.open) return;
    fitPanelUnderToolbar(this);
    this.refreshed = this.#refresh();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.panel h2')?.focus();
  }

  /** Saves the edition in view; the panel tells how it went. */
  async save(): Promise<void> {
    if (!this.src || this.status.kind === 'saving') return;
    this.status = { kind: 'saving', progress: { done: 0, total: 1 } };
    this.saved = undefined;
    let status: Status;
    try {
      await viewerCode();
      const saved = await saveEdition(this.src, {
        imageWidth: readerImageWidth(screen.width, devicePixelRatio || 1),
        caches: this.caches,
        onProgress: (progress) => (this.status = { kind: 'saving', progress }),
      });
      status = { kind: 'done', bytes: saved.bytes };
    } catch (error) {
      console.warn('e-paper: the edition could not be saved for offline reading', error);
      const quota = error instanceof OfflineSaveError && error.failure === 'quota';
      status = { kind: 'problem', failure: quota ? 'quota' : 'failed' };
    }
    // The button, the message and the list change together.
    await this.#refresh();
    this.status = status;
  }

  /** Removes a saved edition (the one in view or another of the list). */
  async forget(entry: SavedEdition): Promise<void> {
    await removeSaved(entry.url, this.caches);
    this.status = { kind: 'removed', title: entry.title };
    await this.#refresh();
    await this.updateComplete;
    // Focus stays in the panel: on the next remove button, else the panel's heading.
    (this.renderRoot.querySelector<HTMLElement>('.remove') ?? this.renderRoot.querySelector<HTMLElement>('.panel h2'))?.focus();
  }

  #statusText(): string {
    const s = offlineStrings(this.lang);
    const status = this.status;
    switch (status.kind) {
      case 'saving':
        return s.saving(status.progress.done, status.progress.total);
      case 'done':
        return s.done(formatBytes(status.bytes, this.lang));
      case 'problem':
        return status.failure === 'quota' ? s.quota : s.failed;
      case 'removed':
        return s.removed(status.title);
      default:
        return '';
    }
  }

  /**
   * What tells a saved edition from the others: its pages and size, and the address it was saved
   * from where another of the list has the same title, date, pages and size as shown (one edition
   * saved from two addresses); an address of this site without its origin.
   */
  #details(entry: SavedEdition): string {
    const s = offlineStrings(this.lang);
    const shown = (e: SavedEdition) => [e.title, e.date, e.pages, formatBytes(e.bytes, this.lang)].join('\n');
    const alike = this.list.some((other) => other !== entry && shown(other) === shown(entry));
    const url = new URL(entry.url);
    const source = url.origin === location.origin ? url.pathname + url.search : url.href;
    return s.details(entry.pages, formatBytes(entry.bytes, this.lang), alike ? source : undefined);
  }

  #panel() {
    const s = offlineStrings(this.lang);
    const { status, saved } = this;
    const saving = status.kind === 'saving';
    return html`<div class="panel" id="panel" part="offline-panel" role="region" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${s.panel}</h2>
      <p class="about">${s.about}</p>
      ${
        saved && !saving
          ? status.kind === 'done'
            ? nothing
            : html`<p class="this">${s.thisSaved(formatBytes(saved.bytes, this.lang))}</p>`
          : html`<button type="button" class="action save" aria-disabled=${saving ? 'true' : 'false'} @click=${() => void this.save()}>
            ${s.saveThis}
          </button>`
      }
      ${saving ? html`<progress max=${status.progress.total} value=${status.progress.done} aria-label=${s.saveThis}></progress>` : nothing}
      <p class="status ${status.kind === 'problem' ? 'problem' : ''}" role=${status.kind === 'problem' ? 'alert' : 'status'}>${this.#statusText()}</p>
      <h3>${s.list}</h3>
      ${
        this.list.length
          ? html`<ul>
            ${this.list.map((entry) => {
              const date = writtenDate(entry.date, this.lang);
              const details = this.#details(entry);
              return html`<li data-url=${entry.url}>
                <span class="entry">${s.entry(entry.title, date)}<small class="details">${details}</small></span>
                <button type="button" class="remove" aria-label=${s.removeLabel(entry.title, date, details)} @click=${() => void this.forget(entry)}>
                  ${s.remove}
                </button>
              </li>`;
            })}
          </ul>`
          : html`<p class="none">${s.none}</p>`
      }
    </div>`;
  }

  override render() {
    if (!this.caches || !this.src) return nothing;
    const s = offlineStrings(this.lang);
    const saved = this.saved !== undefined;
    return html`<button
        type="button"
        class="toggle ${saved ? 'saved' : ''}"
        part="offline-button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${() => void this.#toggle()}
      >
        ${saved ? savedIcon : saveIcon}<span class="word">${saved ? s.saved : s.save}</span>
      </button>
      ${this.open ? this.#panel() : nothing}`;
  }
}
