import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import { A1_URL, deepQuery, frames, nextEvent, until } from '../../helpers.js';

/**
 * What the reader does at `e-paper-ready`, before what is shown and done around the page (the
 * chrome part and the toolbar: the toolbar's end, the reader, the opening of articles) is in: it is kept and done
 * once that part is. At the ready event the part is only asked for, so `act` runs before it is in
 * (asserted); the page's own handlers take the click and the key, as they would a person's.
 */
async function atReady(act: (el: EPaper) => void) {
  const el = document.createElement('e-paper') as EPaper;
  el.style.cssText = 'display: block; width: 900px; height: 640px';
  el.noPersist = true;
  el.src = A1_URL;
  const heard: string[] = [];
  for (const name of ['e-paper-article-open', 'e-paper-article-close'])
    el.addEventListener(name, (e) => heard.push(`${name} ${(e as CustomEvent).detail.articleId}`));
  let before: boolean | undefined;
  const acted = new Promise<void>((resolve) =>
    el.addEventListener(
      'e-paper-ready',
      () => {
        before = !el.shadowRoot!.querySelector('.search-toggle');
        act(el);
        resolve();
      },
      { once: true },
    ),
  );
  document.body.append(el);
  await acted;
  expect(before, 'the part around the page was not in yet').to.equal(true);
  await el.updateComplete;
  return { el, heard };
}

const regionOf = (el: EPaper, id: string) =>
  deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelector<SVGGElement>(`.region[data-article-id="${id}"]`)!;

describe('<e-paper>: input before the part around the page is in', () => {
  // First: no viewer of this file's page has loaded the toolbar yet.
  it('a zoom before the toolbar is in: the toolbar, once in, shows its scale and bounds', async () => {
    let defined: boolean | undefined;
    let zoomed: Promise<unknown> | undefined;
    const { el } = await atReady((el) => {
      defined = el.shadowRoot!.querySelector('e-paper-toolbar')!.matches(':defined');
      zoomed = nextEvent(el, 'e-paper-zoom');
      el.zoomTo(2);
    });
    expect(defined, 'the toolbar was not in yet').to.equal(false);
    await zoomed;
    await el.updateComplete;
    const scale = deepQuery(el, 'e-paper-toolbar', '.scale')!;
    expect(scale.textContent, 'the scale read-out').to.equal('200%');
    const zoomOut = deepQuery(el, 'e-paper-toolbar', '[data-action="zoom-out"]')!;
    expect(zoomOut.getAttribute('aria-disabled'), 'zoom out, from 200%').to.equal('false');
    el.remove();
  });

  it('a click on a region opens its article once, and Esc gives focus back to that region', async () => {
    const { el, heard } = await atReady((el) => {
      const region = regionOf(el, 'a4');
      region.focus();
      region.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    const reader = el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
    expect([el.article, reader.open]).to.deep.equal(['a4', true]);
    await sendKeys({ press: 'Escape' });
    await frames();
    expect(heard).to.deep.equal(['e-paper-article-open a4', 'e-paper-article-close a4']);
    await until(() => deepQuery(el, 'e-paper-page')!.shadowRoot!.activeElement === regionOf(el, 'a4'), 'focus back on the region');
    el.remove();
  });

  it('Ctrl+F opens the search', async () => {
    const { el } = await atReady((el) => {
      el.shadowRoot!.querySelector<HTMLElement>('e-paper-viewport')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, composed: true, cancelable: true }),
      );
    });
    await customElements.whenDefined('e-paper-search');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('e-paper-search')?.open, 'the search panel').to.equal(true);
    el.remove();
  });
});
