import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * The toolbar's steps of compaction, tried in order until its row fits: words become icons (the
 * end's search, list, text view, the archive's short date), then the scale and the separators go
 * (the scale is still read out), then the page arrows and full screen (the pages turn by the strip,
 * the list, a swipe and the keys). Tokens, so that a part's styles ask for one (`[compact~=icons]`).
 */
const STEPS = ['', 'icons', 'icons tight', 'icons tight phone'];

/**
 * Keeps the toolbar to one row: measures whether its controls fit its width, in every language and
 * with whatever is slotted into its end, and sets the fewest steps of `STEPS` that make them fit
 * as the `compact` attribute of the toolbar and of each element slotted into it (their styles
 * shrink them by it). The row never wraps while a step fits (no jump of the page under it when
 * the end arrives); narrower than the last step, it wraps rather than cut a control off.
 *
 * It measures when the toolbar's width or its end's width change (at once, before the frame is
 * painted), when what is slotted into its end changes (at once and in the next frame), and in the
 * next frame after a change of its own properties (not its scale) or of the fonts.
 */
export class ToolbarFit implements ReactiveController {
  #observer?: ResizeObserver;
  #frame = 0;
  #reobserve = 0;
  #step = '';

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Also when added to a toolbar already drawn (the first, whose module comes after its first paint): fitted at once. */
  hostConnected(): void {
    document.fonts?.addEventListener('loadingdone', this.schedule);
    if (!this.host.hasUpdated) return;
    this.hostUpdated();
    this.fit();
  }

  hostDisconnected(): void {
    document.fonts?.removeEventListener('loadingdone', this.schedule);
    this.#observer?.disconnect();
    this.#observer = undefined;
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#reobserve);
    this.#frame = this.#reobserve = 0;
  }

  hostUpdated(): void {
    if (this.#observer) return;
    this.#observer = new ResizeObserver(this.#onResize);
    this.#observe(true);
  }

  /**
   * What is slotted into the end changed: fitted at once (the parts slotted in have drawn by then,
   * so that a script reading the layout right after the viewer's render finds the row fitted), and
   * again in the next frame, for those that draw later.
   */
  slotChanged = () => {
    this.fit();
    this.schedule();
  };

  /** Fits the row once the parts slotted into the end have drawn. */
  async settled(): Promise<void> {
    const slot = this.host.renderRoot.querySelector('slot');
    await Promise.all((slot?.assignedElements() ?? []).map((el) => (el as Partial<ReactiveElement>).updateComplete));
    this.fit();
  }

  /** Measures again in the next frame (once). */
  schedule = () => {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.fit();
    });
  };

  /**
   * The bar's or its end's size changed: fitted at once, before the frame is painted. A new step
   * changes the end's size, which this observer would report again in the same frame, too late
   * (a ResizeObserver loop error): it looks away until the next frame, then looks again.
   */
  #onResize = () => {
    if (!this.fit()) return;
    this.#observe(false);
    this.#reobserve = requestAnimationFrame(() => this.#observe(true));
  };

  #observe(on: boolean): void {
    for (const box of this.host.renderRoot.querySelectorAll('.toolbar, .end'))
      if (on) this.#observer?.observe(box);
      else this.#observer?.unobserve(box);
  }

  /** Sets the fewest steps that let the row fit (measuring each: a layout of the toolbar each); returns whether they changed. */
  fit(): boolean {
    const bar = this.host.renderRoot.querySelector<HTMLElement>('.toolbar');
    if (!bar?.clientWidth) return false;
    const before = this.#step;
    let step = `${STEPS[STEPS.length - 1]} wrap`;
    for (const tried of STEPS) {
      this.#apply(tried);
      if (fits(bar)) {
        step = tried;
        break;
      }
    }
    this.#apply(step);
    return step !== before;
  }

  #apply(step: string): void {
    const slot = this.host.renderRoot.querySelector('slot');
    this.#step = step;
    for (const el of [this.host, ...(slot?.assignedElements() ?? [])])
      if (step) el.setAttribute('compact', step);
      else el.removeAttribute('compact');
  }
}

/** Whether the row's shown controls, from the first to the last, fit inside its padding. */
function fits(bar: HTMLElement): boolean {
  const style = getComputedStyle(bar);
  const room = bar.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  let left = Infinity;
  let right = -Infinity;
  for (const child of bar.children) {
    const r = child.getBoundingClientRect();
    if (!r.width) continue;
    left = Math.min(left, r.left);
    right = Math.max(right, r.right);
  }
  return right - left <= room + 0.5;
}
