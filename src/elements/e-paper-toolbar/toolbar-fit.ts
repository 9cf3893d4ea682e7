import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * The toolbar's steps of compaction, tried in order until its row fits: words become icons (the
 * end's search, list, text view, the archive's short date), then the scale and the separators go
 * (the scale is still read out), then the page arrows and full screen (the pages turn by the strip,
 * the list, a swipe and the keys), then fit width (`menu`), then fit page (`menu-fit`), then zoom
 * out and in (`menu-zoom`: a phone's pinch zooms, and the scale is already left out). What the row leaves out is in its "more" menu (toolbar-more.ts), whose button shows then. Tokens, so
 * that a part's styles ask for one (`[compact~=icons]`).
 */
const STEPS = ['', 'icons', 'icons tight', 'icons tight phone'];
STEPS.push(...['menu', 'menu menu-fit', 'menu menu-fit menu-zoom'].map((more) => `${STEPS[3]} ${more}`));

/**
 * Keeps the toolbar to one row: measures whether its controls fit its width, in every language and
 * with whatever is slotted into its end, and sets the fewest steps of `STEPS` that make them fit
 * as the `compact` attribute of the toolbar and of each element slotted into it (their styles
 * shrink them by it). The row never wraps while a step fits (no jump of the page under it when
 * the end arrives); narrower than the last step, it wraps rather than cut a control off.
 *
 * It measures in the next frame after a change of the toolbar's width or of its end's (never in
 * the ResizeObserver's callback: a new step may change the toolbar's height, which other
 * observers of the viewer would hear too late, a loop error), of what is slotted into its end, of
 * its own properties (not its scale) or of the fonts; and at once when the toolbar's
 * `updateComplete` is awaited (`settled`), so that a script reading the layout then finds the row
 * as it will be painted.
 */
export class ToolbarFit implements ReactiveController {
  #observer?: ResizeObserver;
  #frame = 0;

  /** `stepped` runs after each step is set, before it is measured (the "more" button shows or hides by it). */
  constructor(
    private readonly host: ReactiveElement,
    private readonly stepped?: () => void,
  ) {
    host.addController(this);
  }

  /** A toolbar put back in the document: fitted at once. */
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
    this.#frame = 0;
  }

  hostUpdated(): void {
    if (this.#observer) return;
    this.#observer = new ResizeObserver(this.schedule);
    for (const box of this.host.renderRoot.querySelectorAll('.toolbar, .end')) this.#observer.observe(box);
  }

  /** Fits the row once the parts slotted into the end have drawn. */
  async settled(): Promise<void> {
    const slot = this.host.renderRoot.querySelector('slot');
    for (const el of slot?.assignedElements() ?? []) await (el as Partial<ReactiveElement>).updateComplete;
    this.fit();
  }

  /** Measures again in the next frame (once), if the toolbar is in the document (no frame asked for after it left). */
  schedule = () => {
    if (this.host.isConnected)
      this.#frame ||= requestAnimationFrame(() => {
        this.#frame = 0;
        this.fit();
      });
  };

  /** Sets the fewest steps that let the row fit (measuring each: a layout of the toolbar each). */
  fit(): void {
    const bar = this.host.renderRoot.querySelector<HTMLElement>('.toolbar');
    if (!bar?.clientWidth) return;
    for (const step of STEPS) {
      this.#apply(step);
      if (fits(bar)) return;
    }
    this.#apply(`${STEPS[STEPS.length - 1]} wrap`);
  }

  #apply(step: string): void {
    const slot = this.host.renderRoot.querySelector('slot');
    for (const el of [this.host, ...(slot?.assignedElements() ?? [])])
      if (step) el.setAttribute('compact', step);
      else el.removeAttribute('compact');
    this.stepped?.();
  }
}

/** Whether the row's shown controls, from the first to the last, fit inside its padding. */
function fits(bar: HTMLElement): boolean {
  const style = getComputedStyle(bar);
  // In fractions of a pixel (clientWidth rounds): a control out by 0.06 px is out of the window.
  const edges = ['borderLeftWidth', 'borderRightWidth', 'paddingLeft', 'paddingRight'] as const;
  const room = edges.reduce((width, edge) => width - parseFloat(style[edge]), bar.getBoundingClientRect().width);
  let left = Infinity;
  let right = -Infinity;
  for (const child of bar.children) {
    const r = child.getBoundingClientRect();
    // A menu hangs from the row (the "more" menu, open): not in it.
    if (!r.width || child.getAttribute('role') === 'menu') continue;
    left = Math.min(left, r.left);
    right = Math.max(right, r.right);
  }
  return right - left <= room + 0.01;
}
