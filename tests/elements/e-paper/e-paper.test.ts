import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { A1_URL, deepQuery, loadA1, nextEvent, until } from '../../helpers.js';

/** Creates a viewer and waits for the first of its ready or error events. */
async function mount(template: ReturnType<typeof html>, event: 'e-paper-ready' | 'e-paper-error') {
  const host = document.createElement('div');
  document.body.append(host);
  const fired = new Promise<CustomEvent>((resolve) => host.addEventListener(event, (e) => resolve(e as CustomEvent), { once: true }));
  const el = await fixture<EPaper>(template, { parentNode: host });
  const detail = (await fired).detail;
  return { el, detail, host };
}

describe('<e-paper>: loading, error and ready', () => {
  it('shows a skeleton while loading, then the page, and fires e-paper-ready once', async () => {
    let readyCount = 0;
    document.addEventListener('e-paper-ready', () => readyCount++);
    const el = document.createElement('e-paper') as EPaper;
    el.src = A1_URL;
    const ready = nextEvent<{ editionId: string; page: string }>(el, 'e-paper-ready');
    document.body.append(el);
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[role="status"]');
    expect(status, 'loading state').to.exist;
    expect(status!.querySelector('.skeleton')).to.exist;
    const { detail } = await ready;
    expect(detail).to.deep.equal({ editionId: 'zhuzhou-daily-2021-01-08', page: 'A1' });
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.equal(null);
    const page = deepQuery(el, 'e-paper-page', '.page');
    expect(page).to.exist;
    const ids = [...page!.querySelectorAll('[data-article-id]')].map((n) => n.getAttribute('data-article-id'));
    expect(new Set(ids)).to.deep.equal(new Set(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']));
    await new Promise((r) => setTimeout(r, 50));
    expect(readyCount).to.equal(1);
    el.remove();
  });

  it('takes the edition as an object', async () => {
    const edition = await loadA1();
    const { el, detail } = await mount(html`<e-paper .edition=${edition}></e-paper>`, 'e-paper-ready');
    expect(detail.editionId).to.equal(edition.id);
    expect(deepQuery(el, 'e-paper-page', '.title')!.textContent).to.equal('株洲日报');
  });

  it('scales the page to fit its box, and keeps it fitted on resize', async () => {
    const { el } = await mount(html`<e-paper style="width: 600px; height: 500px" src=${A1_URL}></e-paper>`, 'e-paper-ready');
    const sheet = () => deepQuery(el, 'e-paper-page', '.page')!.getBoundingClientRect();
    const box = () => deepQuery(el, 'e-paper-viewport')!.getBoundingClientRect();
    // A tall page in a wide box: its height fills the box, centred across.
    let rect = sheet();
    expect(rect.height).to.be.closeTo(box().height, 1);
    // The toolbar (it comes with the chrome part, after ready) shows the fitted scale.
    await until(() => !!deepQuery(el, 'e-paper-toolbar', '[part~="scale"]')?.textContent?.trim(), 'the toolbar’s scale');
    const scaleText = deepQuery(el, 'e-paper-toolbar', '[part~="scale"]')!.textContent!.trim();
    expect(scaleText).to.equal(`${Math.round((rect.height / 2860) * 100)}%`);
    expect(rect.left - box().left).to.be.closeTo((box().width - rect.width) / 2, 1);
    el.style.height = '400px';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    rect = sheet();
    expect(box().height).to.be.lessThan(400);
    expect(rect.height).to.be.closeTo(box().height, 1);
    expect(rect.top).to.be.closeTo(box().top, 1);
  });

  it('shows a clear message and fires e-paper-error for a missing file', async () => {
    const { el, detail } = await mount(html`<e-paper src="/no/such/edition.json"></e-paper>`, 'e-paper-error');
    expect(detail.cause).to.equal('http');
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('无法显示本期报纸');
    expect(alert.textContent).to.contain('404');
    expect(alert.querySelector('button')!.textContent).to.equal('重试');
  });

  it('lists the paths of invalid data in the message and the event', async () => {
    const edition = await loadA1();
    (edition.pages[0].blocks![2].rect as { w: number }).w = -5;
    const { el, detail } = await mount(html`<e-paper lang="en" .edition=${edition}></e-paper>`, 'e-paper-error');
    expect(detail.cause).to.equal('invalid');
    expect(detail.problems).to.deep.include({ path: 'pages[0].blocks[2].rect.w', message: 'expected a positive number, got -5' });
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The edition data does not match the format.');
    expect(alert.textContent).to.contain('pages[0].blocks[2].rect.w: expected a positive number, got -5');
  });

  it('says when the file is a web page rather than JSON', async () => {
    const { detail } = await mount(
      html`<e-paper src=${new URL('../../../demo/index.html', import.meta.url).href}></e-paper>`,
      'e-paper-error',
    );
    expect(detail.cause).to.equal('not-json');
    expect(detail.message).to.contain('web page');
  });

  it('retries after an error', async () => {
    const { el } = await mount(html`<e-paper src="/missing.json"></e-paper>`, 'e-paper-error');
    el.src = A1_URL;
    await nextEvent(el, 'e-paper-ready');
    expect(deepQuery(el, 'e-paper-page', '.page')).to.exist;
  });

  it('leaves the replica untouched by the host page CSS', async () => {
    const style = document.createElement('style');
    style.textContent =
      'h1, h2, p { color: lime !important; font-size: 33px !important; margin: 30px !important } * { line-height: 3 !important }';
    document.head.append(style);
    try {
      const { el } = await mount(html`<e-paper src=${A1_URL}></e-paper>`, 'e-paper-ready');
      const headline = deepQuery(el, 'e-paper-page', '.headline')!;
      const css = getComputedStyle(headline);
      expect(css.color).not.to.equal('rgb(0, 255, 0)');
      expect(css.fontSize).not.to.equal('33px');
      expect(css.marginTop).to.equal('0px');
    } finally {
      style.remove();
    }
  });
});
