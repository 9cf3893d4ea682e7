import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Archive, ArchiveEntry } from '../../edition/archive/archive-schema.js';
import {
  addDays,
  addMonths,
  editionOn,
  isRealDate,
  monthGrid,
  nearestOnOrBefore,
  neighbour,
  weekday,
} from '../../edition/archive/calendar.js';
import { isolate } from '../../i18n/strings.js';
import { archiveStrings } from './e-paper-archive-strings.js';
import { archiveStyles } from './e-paper-archive.styles.js';
import { emit } from '../../events/events.js';
import { tokenStyles } from '../../internal/styles/tokens.js';

/** `detail` of `e-paper-archive-select`. */
export interface ArchiveSelectDetail {
  date: string;
  src: string;
}

/** Weeks start on Monday. */
const WEEK_START = 1;
/** A Monday, for the weekday column headers. */
const MONDAY = '2021-01-04';

const chevron = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${d}></path></svg>`;
const LEFT = chevron('M15 5l-7 7 7 7');
const RIGHT = chevron('M9 5l7 7-7 7');

/**
 * The date picker of the viewer's toolbar (往期): previous edition, the shown edition's date (a
 * button that opens a calendar of the archive), next edition. The calendar is a non-modal dialog
 * after the WAI-ARIA "Date Picker Dialog" pattern: a grid of the month's days with a roving
 * tabindex (arrows a day or a week, Home/End the week's start and end, PageUp/PageDown a month,
 * with Shift a year, Enter/Space choose, Escape closes); days without an edition are shown but
 * `aria-disabled`. Choosing sets `date` at once, so that prev/next step on from the choice while
 * the edition loads (`busy`); the owner sets `date` back if it cannot show the edition, or
 * cancels the event to leave `date` alone. Ends are `aria-disabled` and keep focus.
 *
 * @fires e-paper-archive-select - An edition was chosen (a day, previous or next). Bubbles,
 *   not composed, cancelable. `detail: {date: 'YYYY-MM-DD', src: string}` (`src` absolute).
 * @csspart archive-button - The previous, date and next buttons.
 * @csspart archive-calendar - The calendar dialog.
 * @csspart archive-day - A day of the month in the calendar.
 * @cssprop [--e-paper-ui-ink=#1f1f1f] - Text colour of the viewer's own controls and messages.
 * @cssprop [--e-paper-ui-ink-dark=#ececec] - `--e-paper-ui-ink` in the dark theme.
 * @cssprop [--e-paper-font-ui=system-ui] - Font of the viewer's own controls and messages (the page keeps the edition's fonts).
 * @cssprop [--e-paper-accent=#c8161d] - The viewer's accent, a site's button colour: the page shown, the chosen day, read marks, result headings. Never the printed page.
 * @cssprop [--e-paper-accent-dark=#ff8a80] - `--e-paper-accent` in the dark theme.
 * @cssprop [--e-paper-accent-ink=#fff] - Text and marks on the accent (the chosen day, the tick of a read article).
 * @cssprop [--e-paper-accent-ink-dark=#1a1a1a] - `--e-paper-accent-ink` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 * @cssprop [--e-paper-toolbar-bg=#fff] - Background of the toolbar and its panels (list, search, calendar, page strip); opaque, so that the page never shows through.
 * @cssprop [--e-paper-toolbar-bg-dark=#242424] - `--e-paper-toolbar-bg` in the dark theme.
 * @cssprop [--e-paper-toolbar-ink=--e-paper-ui-ink] - Text and icons of the toolbar and its panels.
 * @cssprop [--e-paper-toolbar-ink-dark=--e-paper-ui-ink-dark] - `--e-paper-toolbar-ink` in the dark theme.
 */
export class EPaperArchive extends LitElement {
  static override styles = [tokenStyles, archiveStyles];

  /** The editions to choose from (see `loadArchive`). Nothing is shown without one. */
  @property({ attribute: false }) archive?: Archive;
  /** The shown edition's date, YYYY-MM-DD. */
  @property() date = '';
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. The edition's text keeps the edition's language. */
  @property() override lang = 'zh-CN';
  /** The chosen edition is loading: a spinner shows, every control stays usable. */
  @property({ type: Boolean, reflect: true }) busy = false;
  @state() private open = false;
  /** The calendar's focused day (the roving tabindex); its month is the one shown. */
  @state() private focusDate = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
    document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) document[this.open ? 'addEventListener' : 'removeEventListener']('pointerdown', this.#onOutside, true);
  }

  #onOutside = (event: Event) => {
    if (!event.composedPath().includes(this)) this.open = false;
  };

  #onFocusOut = (event: FocusEvent) => {
    // Focus went elsewhere on the page: close. (Not when the window itself lost focus.)
    const to = event.relatedTarget;
    if (to instanceof Node && !this.renderRoot.contains(to)) this.open = false;
  };

  /** The first and last day of the archive's months: the calendar's range. */
  #range(): [string, string] {
    const { editions } = this.archive!;
    const last = `${editions[editions.length - 1].date.slice(0, 8)}01`;
    return [`${editions[0].date.slice(0, 8)}01`, addDays(addMonths(last, 1), -1)];
  }

  #button(): HTMLElement | null {
    return this.renderRoot.querySelector('.date');
  }

  #select(entry: ArchiveEntry | undefined): void {
    if (!entry) return;
    if (emit(this, 'e-paper-archive-select', { date: entry.date, src: entry.src }, false, true)) this.date = entry.date;
  }

  /** A day of the calendar chosen: its edition, if it has one, and the calendar closes. */
  #pick(date: string): void {
    const entry = editionOn(this.archive!, date);
    this.focusDate = date;
    if (!entry) return;
    this.#select(entry);
    this.#close();
  }

  #close(): void {
    this.open = false;
    this.#button()?.focus();
  }

  async #toggle(): Promise<void> {
    if (this.open) return this.#close();
    const archive = this.archive!;
    this.focusDate = editionOn(archive, this.date)?.date ?? nearestOnOrBefore(archive, this.date)?.date ?? archive.editions[0].date;
    this.open = true;
    await this.updateComplete;
    this.#focusDay();
  }

  #focusDay(): void {
    this.renderRoot.querySelector<HTMLElement>(`td[data-date="${this.focusDate}"]`)?.focus();
  }

  /** Moves the calendar's focus to `date`, kept within the archive's months. */
  async #move(date: string, focus = true): Promise<void> {
    const [first, last] = this.#range();
    this.focusDate = date < first ? first : date > last ? last : date;
    await this.updateComplete;
    if (focus) this.#focusDay();
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    this.#close();
  };

  #onGridKey = (event: KeyboardEvent): void => {
    const d = this.focusDate;
    const back = (weekday(d) - WEEK_START + 7) % 7;
    const year = event.shiftKey ? 12 : 1;
    const to: Record<string, string> = {
      ArrowLeft: addDays(d, -1),
      ArrowRight: addDays(d, 1),
      ArrowUp: addDays(d, -7),
      ArrowDown: addDays(d, 7),
      Home: addDays(d, -back),
      End: addDays(d, 6 - back),
      PageUp: addMonths(d, -year),
      PageDown: addMonths(d, year),
    };
    if (event.key in to) void this.#move(to[event.key]);
    else if (event.key === 'Enter' || event.key === ' ') this.#pick(d);
    else return;
    event.preventDefault();
  };

  #day(date: string, s: ReturnType<typeof archiveStrings>) {
    const entry = editionOn(this.archive!, date);
    const selected = date === this.date;
    return html`<td
      part="archive-day"
      data-date=${date}
      tabindex=${date === this.focusDate ? 0 : -1}
      aria-label=${s.date(date) + (entry?.label ? ` ${isolate(entry.label)}` : '')}
      aria-selected=${selected ? 'true' : nothing}
      aria-current=${selected ? 'date' : nothing}
      aria-disabled=${entry ? nothing : 'true'}
      @click=${() => this.#pick(date)}
    >
      ${Number(date.slice(8))}
    </td>`;
  }

  #calendar(s: ReturnType<typeof archiveStrings>) {
    const [first, last] = this.#range();
    const month = this.focusDate.slice(0, 8) + '01';
    const [y, m] = month.split('-').map(Number);
    const step = (n: -1 | 1, label: string, enabled: boolean) =>
      html`<button type="button" aria-label=${label} title=${label} aria-disabled=${!enabled} @click=${() => enabled && this.#move(addMonths(this.focusDate, n), false)}>
        ${n < 0 ? LEFT : RIGHT}
      </button>`;
    return html`<div class="cal" id="cal" part="archive-calendar" role="dialog" aria-modal="false" aria-labelledby="heading" tabindex="-1">
      <div class="head">
        ${step(-1, s.previousMonth, month > first)}
        <h2 id="heading" aria-live="polite">${s.month(month)}</h2>
        ${step(1, s.nextMonth, addMonths(month, 1) <= last)}
      </div>
      <table role="grid" aria-labelledby="heading" @keydown=${this.#onGridKey}>
        <thead>
          <tr>
            ${[0, 1, 2, 3, 4, 5, 6].map((i) => {
              const d = addDays(MONDAY, (i + WEEK_START - 1 + 7) % 7);
              return html`<th scope="col" abbr=${s.weekdayLong(d)}>${s.weekday(d)}</th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${monthGrid(y, m, WEEK_START).map((week) => html`<tr>${week.map((d) => (d ? this.#day(d, s) : html`<td></td>`))}</tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const archive = this.archive;
    if (!archive?.editions.length) return nothing;
    const s = archiveStrings(this.lang);
    const step = (dir: -1 | 1, label: string) => {
      const entry = neighbour(archive, this.date, dir);
      return html`<button type="button" part="archive-button" class=${dir < 0 ? 'prev' : 'next'} aria-label=${label} title=${label} aria-disabled=${!entry} @click=${() => this.#select(entry)}>
        ${dir < 0 ? LEFT : RIGHT}
      </button>`;
    };
    return html`<div class="bar" @keydown=${this.#onKeyDown} @focusout=${this.#onFocusOut}>
      ${step(-1, s.previous)}
      <button
        type="button"
        class="date"
        part="archive-button"
        title=${s.choose}
        aria-haspopup="dialog"
        aria-expanded=${this.open}
        aria-controls=${this.open ? 'cal' : nothing}
        @click=${this.#toggle}
      >
        ${isRealDate(this.date) ? html`<span class="long">${s.date(this.date)}</span><span class="short">${s.shortDate(this.date)}</span>` : s.choose}
      </button>
      ${step(1, s.next)}
      <span role="status">${this.busy ? html`<span class="spinner" aria-hidden="true"></span><span class="vh">${s.loading}</span>` : nothing}</span>
      ${this.open ? this.#calendar(s) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-archive': EPaperArchive;
  }
}
