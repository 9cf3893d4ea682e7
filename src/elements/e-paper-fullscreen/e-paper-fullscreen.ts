import { LitElement, html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { tokenStyles } from '../../internal/styles/tokens.js';
import { fullscreenStrings } from './fullscreen-strings.js';
import { fullscreenStyles } from './e-paper-fullscreen.styles.js';

const enterIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"></path></svg>`;
const exitIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5"></path></svg>`;

/**
 * The full-screen button: a toggle (`aria-pressed`) that shows the viewer alone on the screen
 * through the Fullscreen API, and back. Its state follows the document's `fullscreenchange`, so
 * Esc and the browser's own way out are honoured as the button is. Hidden where the browser
 * cannot (no `document.fullscreenEnabled`, as on the iPhone, or inside a frame without
 * `allowfullscreen`). The viewer's page keeps its fit, or the point in view at its centre, as
 * the box grows and shrinks (the viewport's own resize handling); the reader, a modal dialog,
 * opens over the full-screen viewer.
 *
 * A lazy part, slotted into the toolbar by the viewer.
 *
 * @csspart button - The button (as every toolbar button).
 * @csspart fullscreen - The button.
 * @cssprop [--e-paper-toolbar-ink=--e-paper-ui-ink] - Text and icons of the toolbar and its panels.
 * @cssprop [--e-paper-toolbar-ink-dark=--e-paper-ui-ink-dark] - `--e-paper-toolbar-ink` in the dark theme.
 * @cssprop [--e-paper-ui-ink=#1f1f1f] - Text colour of the viewer's own controls and messages.
 * @cssprop [--e-paper-ui-ink-dark=#ececec] - `--e-paper-ui-ink` in the dark theme.
 * @cssprop [--e-paper-focus=#1a73e8] - Focus ring colour.
 * @cssprop [--e-paper-focus-dark=#8ab4f8] - `--e-paper-focus` in the dark theme.
 */
export class EPaperFullscreen extends LitElement {
  static override styles = [tokenStyles, fullscreenStyles];

  /** The element shown full screen; by default the shadow host around this button (the viewer), else its parent. */
  @property({ attribute: false }) target?: Element;
  /** UI language, a language tag: the viewer sets it as the `lang` attribute, so that its strings are read in it. */
  @property() override lang = 'zh-CN';

  /** Whether the target is full screen now. */
  @state() private active = false;

  /** The element the button shows full screen. */
  get #target(): Element | undefined {
    return this.target ?? ((this.getRootNode() as ShadowRoot).host || this.parentElement || undefined);
  }

  /** Whether the browser can show the target full screen. */
  get supported(): boolean {
    return !!globalThis.document?.fullscreenEnabled && typeof this.#target?.requestFullscreen === 'function';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.#onChange);
    this.#onChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.#onChange);
  }

  /** Shows the target full screen, or leaves full screen. Refused by the browser (no user gesture): a warning, nothing else. */
  async toggle(): Promise<void> {
    const target = this.#target;
    try {
      if (target?.matches(':fullscreen')) await document.exitFullscreen();
      else await target?.requestFullscreen({ navigationUI: 'hide' });
    } catch (error) {
      console.warn('e-paper: the browser refused full screen', error);
    }
  }

  #onChange = () => {
    this.hidden = !this.supported;
    this.active = !!this.#target?.matches(':fullscreen');
  };

  override render() {
    if (!this.supported) return nothing;
    const strings = fullscreenStrings(this.lang);
    return html`<button
      type="button"
      part="button fullscreen"
      aria-pressed=${this.active ? 'true' : 'false'}
      aria-label=${strings.enter}
      title=${this.active ? strings.exit : strings.enter}
      @click=${() => void this.toggle()}
    >
      ${this.active ? exitIcon : enterIcon}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-fullscreen': EPaperFullscreen;
  }
}
