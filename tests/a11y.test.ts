import { expect } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { A1_URL, nextEvent, until } from './helpers.js';

const axe = (window as unknown as { axe: typeof AxeCore }).axe;

async function viewer(lang: string) {
  const el = document.createElement('e-paper') as EPaper;
  el.noPersist = true;
  el.lang = lang;
  el.style.cssText = 'display: block; width: 900px; height: 600px';
  el.src = A1_URL;
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  // The toolbar's end, the list and the reader come once the page is shown.
  await el.updateComplete;
  return el;
}

/** Violations with the rule, the node and axe's own summary, readable in a failure message. */
const describeViolations = (results: AxeCore.AxeResults) =>
  results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));

for (const lang of ['zh-CN', 'en']) {
  describe(`accessibility (${lang})`, () => {
    afterEach(() => document.querySelectorAll('e-paper').forEach((el) => el.remove()));

    it('the viewer has no axe violations', async () => {
      const el = await viewer(lang);
      const results = await axe.run(el, { resultTypes: ['violations'] });
      expect(describeViolations(results)).to.deep.equal([]);
    });

    it('the viewer with the reader open has no axe violations', async () => {
      const el = await viewer(lang);
      el.openArticle('a6');
      await el.updateComplete;
      const reader = () => el.shadowRoot!.querySelector('e-paper-reader')?.shadowRoot;
      await until(() => !!reader()?.querySelector('dialog[open]'), 'the reader open');
      // Axe reads colours as painted: a reader still fading in would blend with the page.
      await Promise.all(
        reader()!
          .getAnimations()
          .map((animation) => animation.finished),
      );
      const results = await axe.run(el, { resultTypes: ['violations'] });
      expect(describeViolations(results)).to.deep.equal([]);
    });

    it('the article list has no axe violations when open', async () => {
      const el = await viewer(lang);
      const contents = el.shadowRoot!.querySelector('e-paper-contents')!;
      contents.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const results = await axe.run(el, { resultTypes: ['violations'] });
      expect(describeViolations(results)).to.deep.equal([]);
    });
  });
}
