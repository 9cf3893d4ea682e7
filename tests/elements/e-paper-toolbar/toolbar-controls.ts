// What the phone toolbar's tests share: the controls a reader sees in the toolbar, their names,
// and the check that they keep to one row inside the window.
import { expect } from '@open-wc/testing';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { deepQuery } from '../../helpers.js';

/** Every control the toolbar's row can hold, shown or not: its own buttons (`own`) and the buttons slotted into it. */
export function everyControl(el: EPaper, own = 'button'): HTMLElement[] {
  const toolbar = deepQuery(el, 'e-paper-toolbar')!;
  const slotted = [...toolbar.children].flatMap((child) =>
    child.matches('button')
      ? [child as HTMLElement]
      : [
          ...(child.shadowRoot?.querySelectorAll<HTMLElement>(
            '[part~="fullscreen"], .toggle, [part~="contents-button"], [part~="archive-button"]',
          ) ?? []),
        ],
  );
  return [...new Set([...toolbar.shadowRoot!.querySelectorAll<HTMLElement>(own), ...slotted])];
}

/** The toolbar's controls a reader sees: its own buttons and every button slotted into it. */
export function controls(el: EPaper): HTMLElement[] {
  return everyControl(el).filter((b) => b.getBoundingClientRect().width > 0);
}

/** A button's accessible name as assistive technology computes it here: aria-label, else its text. */
export const nameOf = (b: HTMLElement) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();

/** Every control named, inside a window `width` px wide and on the toolbar's first row; returns them. */
export function expectOneRow(el: EPaper, width: number): HTMLElement[] {
  const bar = deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.toolbar')!.getBoundingClientRect();
  const buttons = controls(el);
  for (const b of buttons) {
    const r = b.getBoundingClientRect();
    expect(nameOf(b), `${b.outerHTML.slice(0, 80)} is named`).not.to.equal('');
    expect(r.left, `${nameOf(b)} inside the window`).to.be.at.least(0);
    expect(r.right, `${nameOf(b)} inside the window`).to.be.at.most(width);
    // Centred on the row (a button with a word is less tall than an icon's square).
    expect(r.top + r.height / 2, `${nameOf(b)} on the first row`).to.be.closeTo(bar.top + 22, 3);
  }
  return buttons;
}
