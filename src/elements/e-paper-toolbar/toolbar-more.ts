import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { toolbarMoreStrings } from './toolbar-more-strings.js';

/**
 * The toolbar's controls that its steps of compaction (toolbar-fit.ts), or a part's own styles at a
 * narrow width, may leave out of the row: its own buttons (in the text view, which has no page to
 * zoom or fit, only the page arrows), and the buttons of what is slotted into its end (a slotted
 * button itself, or a button with a part of `button` or `…-button` in a slotted element's shadow
 * root: full screen, the archive's previous and next editions …). The buttons of a part's open
 * panel are not the row's and have no such part.
 */
const OWN = 'button[data-action]';
const PAGE = '[data-action="previous-page"], [data-action="next-page"]';
const SLOTTED = 'button[part~="button"], button[part$="-button"]';

/** A dotted "more" icon (⋯). */
const MORE_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="5" cy="12" r="1.2"></circle>
  <circle cx="12" cy="12" r="1.2"></circle>
  <circle cx="19" cy="12" r="1.2"></circle>
</svg>`;

/** The toolbar as its "more" menu needs it. */
interface Toolbar extends ReactiveElement {
  lang: string;
  textView: boolean;
}

/**
 * The toolbar's "more" (⋯) menu button: every control of the row that is not shown (`OWN`,
 * `SLOTTED`) is an item of its menu, so that none is dropped at a narrow width; choosing an item
 * presses the control itself (a click on it), so that it does what it does in the row. The button
 * shows only while some control is left out (`sync`, after each step the fit tries).
 *
 * A menu button as the ARIA practices describe it: `aria-haspopup="menu"` and `aria-expanded`;
 * Enter, Space, a click or ArrowDown open the menu on its first item, ArrowUp on its last; in the
 * menu ArrowDown and ArrowUp move (round), Home and End go to the ends, Escape closes it and
 * gives the focus back to the button, Tab closes it and moves on; a press outside closes it.
 */
export class ToolbarMore implements ReactiveController {
  /** The controls left out of the row, while the menu is open. */
  #items: HTMLElement[] = [];
  #open = false;

  constructor(private readonly host: Toolbar) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#close(false);
  }

  get #button(): HTMLButtonElement | null {
    return this.host.renderRoot.querySelector('.more');
  }

  get #menuItems(): HTMLElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('.menu [role^="menuitem"]')];
  }

  /** The row's controls that are not shown, in the row's order. */
  hiddenControls(): HTMLElement[] {
    const root = this.host.renderRoot;
    const slotted = root.querySelector('slot')?.assignedElements() ?? [];
    return [
      ...root.querySelectorAll<HTMLElement>(this.host.textView ? PAGE : OWN),
      ...slotted.flatMap((el) =>
        el.localName === 'button' ? [el as HTMLElement] : [...(el.shadowRoot?.querySelectorAll<HTMLElement>(SLOTTED) ?? [])],
      ),
    ].filter((control) => !control.getClientRects().length);
  }

  /** Shows the button if a control is left out, hides it (and closes its menu) otherwise. */
  sync(): void {
    const button = this.#button;
    if (!button) return;
    const needed = this.hiddenControls().length > 0;
    // Set only on a change: the fit measures the row right after.
    if (button.hidden === needed) button.hidden = !needed;
    if (!needed && this.#open) this.#close(false);
  }

  /** Opens the menu with the controls left out now, its first (or last) item focused. */
  async #openMenu(last = false): Promise<void> {
    this.#items = this.hiddenControls();
    this.#open = true;
    document.addEventListener('pointerdown', this.#onOutside, true);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const items = this.#menuItems;
    items[last ? items.length - 1 : 0]?.focus();
  }

  #close(focusButton: boolean): void {
    if (!this.#open) return;
    this.#open = false;
    this.#items = [];
    document.removeEventListener('pointerdown', this.#onOutside, true);
    this.host.requestUpdate();
    if (focusButton) this.#button?.focus();
  }

  /** The button and the menu: a press or the focus there is not outside. */
  get #inside(): (Element | null)[] {
    return [this.#button, this.host.renderRoot.querySelector('.menu')];
  }

  #onOutside = (event: Event) => {
    const inside = this.#inside;
    if (!event.composedPath().some((node) => inside.includes(node as Element))) this.#close(false);
  };

  #onButtonClick = () => {
    if (this.#open) this.#close(true);
    else void this.#openMenu();
  };

  #onButtonKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.#openMenu(event.key === 'ArrowUp');
  };

  #onMenuKey = (event: KeyboardEvent) => {
    const items = this.#menuItems;
    const at = items.indexOf((this.host.renderRoot as ShadowRoot).activeElement as HTMLElement);
    const to: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (event.key in to) {
      event.preventDefault();
      items[(to[event.key] + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#close(true);
    } else if (event.key === 'Tab') this.#close(false);
  };

  /** The focus left the menu (and not for its button): it closes. */
  #onFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget as Element | null;
    if (to && !this.#inside.some((node) => node?.contains(to))) this.#close(false);
  };

  /** Presses the control left out, as a press on it in the row would. */
  #choose(control: HTMLElement): void {
    if (control.getAttribute('aria-disabled') === 'true') return;
    this.#close(true);
    control.click();
  }

  #item(control: HTMLElement) {
    const label = (control.getAttribute('aria-label') || control.textContent || '').trim();
    const pressed = control.getAttribute('aria-pressed');
    const icon = control.querySelector('svg')?.cloneNode(true);
    return html`<button
      type="button"
      part="more-item"
      role=${pressed ? 'menuitemcheckbox' : 'menuitem'}
      aria-checked=${pressed ?? nothing}
      aria-disabled=${control.getAttribute('aria-disabled') === 'true' ? 'true' : 'false'}
      tabindex="-1"
      @click=${() => this.#choose(control)}
    >
      ${icon ?? nothing}<span>${label}</span>
    </button>`;
  }

  /** The button, hidden until `sync` finds a control left out, and its menu while open. */
  render() {
    const label = toolbarMoreStrings(this.host.lang).more;
    return html`<button
        type="button"
        class="more"
        part="button more"
        aria-label=${label}
        title=${label}
        aria-haspopup="menu"
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls=${this.#open ? 'more-menu' : nothing}
        hidden
        @click=${this.#onButtonClick}
        @keydown=${this.#onButtonKey}
      >
        ${MORE_ICON}
      </button>
      ${
        this.#open
          ? html`<div id="more-menu" class="menu" part="more-menu" role="menu" aria-label=${label} @keydown=${this.#onMenuKey} @focusout=${this.#onFocusOut}>
              ${this.#items.map((control) => this.#item(control))}
            </div>`
          : nothing
      }`;
  }
}
