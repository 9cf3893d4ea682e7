import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { EPaperEventMap } from '../src/events/events.js';
import { A1_URL, deepQuery, loadA1, mountViewer } from './helpers.js';

describe('an edition font that fails to load', () => {
  it('warns with its URL, fires e-paper-error of cause "font", and still shows the page', async () => {
    const edition = await loadA1();
    const fonts = edition.fonts!;
    for (const font of fonts) font.src = new URL(font.src, A1_URL).href;
    const masthead = fonts.find((font) => font.role === 'masthead')!;
    masthead.src = new URL('zhuzhou-daily-2021-01-08/fonts/not-copied.woff2', A1_URL).href;
    edition.id = `font-failure-${Date.now()}`; // a face of its own, not one an earlier test loaded

    const warnings: string[] = [];
    const errors: EPaperEventMap['e-paper-error'][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    let el: EPaper;
    try {
      el = await mountViewer<EPaper>((viewer) => {
        viewer.addEventListener('e-paper-error', (event) => errors.push(event.detail));
        viewer.edition = edition;
      });
    } finally {
      console.warn = original;
    }
    try {
      expect(errors.map((error) => [error.cause, error.url])).to.deep.equal([['font', masthead.src]]);
      expect(warnings.join('\n')).to.contain(masthead.src);
      // The page is there, in the fallback face, and usable.
      expect(deepQuery(el, 'e-paper-page', '.page')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    } finally {
      el.remove();
    }
  });
});
