// A page whose file failed to load: its thumbnail in the page strip says so (a mark, and its
// name in zh-CN, zh-Hant and English), not an empty box for ever; choosing it tries the file
// again, and the page and its thumbnail come when it loads. The edition is the test server's
// split copy (not a real paper's files), its page A3's file a 404 the first time only.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { Edition } from '../../../src/edition/schema.js';
import { deepQuery, frames, mountViewer, until } from '../../helpers.js';

const thumbOf = (el: EPaper, id: string) => deepQuery<HTMLButtonElement>(el, 'e-paper-pages', `button[data-page-id="${id}"]`);

/** The split four-page copy, every page file's `src` absolute; A3's a 404 for its first `fails` requests. */
async function splitEdition(fails: number): Promise<Edition> {
  const edition = (await (await fetch('/fixtures/split/4.json')).json()) as Edition;
  for (const page of edition.pages) if (page.src) page.src = `/fixtures/split/${page.src}`;
  const a3 = edition.pages.find((p) => p.id === 'A3')!;
  a3.src = `${a3.src}?fail=${fails}&key=pages-failed-${Date.now()}-${Math.random()}`;
  return edition;
}

describe('<e-paper-pages>: a page whose file failed', () => {
  let el: EPaper | undefined;
  afterEach(() => {
    el?.remove();
    el = undefined;
  });

  it('shows a mark and says so, in every language; chosen, it is tried again and comes', async () => {
    const edition = await splitEdition(1);
    el = await mountViewer<EPaper>((e) => (e.edition = edition), { width: 900, height: 640 });
    // Every page file is fetched once the browser is idle: A3's fails.
    await until(() => !!thumbOf(el!, 'A3')?.hasAttribute('data-failed'), 'A3 is marked failed', 9000);
    const thumb = thumbOf(el, 'A3')!;
    const mark = thumb.querySelector<SVGElement>('svg.failed')!;
    expect(mark, 'a mark in its box').to.not.equal(null);
    const box = thumb.querySelector('.box')!.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    expect(m.width, 'the mark shown').to.be.greaterThan(10);
    expect(m.left >= box.left && m.right <= box.right && m.top >= box.top && m.bottom <= box.bottom, 'inside the box').to.equal(true);
    expect(thumb.textContent!.replace(/\s+/g, ' '), 'its name says so').to.match(/A3.*未能载入，选择以重试/);
    await until(() => !!thumbOf(el!, 'A2')?.querySelector('e-paper-page'), 'A2, loaded, is drawn');
    expect(thumbOf(el, 'A2')!.hasAttribute('data-failed'), 'A2 is not failed').to.equal(false);
    expect(thumbOf(el, 'A2')!.textContent).to.not.match(/未能/);

    el.lang = 'en';
    await until(() => /could not be loaded/.test(thumbOf(el!, 'A3')!.textContent!), 'the name in English');
    el.lang = 'zh-Hant';
    await until(() => /未能載入，選擇以重試/.test(thumbOf(el!, 'A3')!.textContent!), 'the name in Traditional Chinese', 9000);
    el.lang = 'zh-CN';
    await el.updateComplete;

    // Chosen, with the mouse: its file is fetched again (it loads now), and the page is shown.
    const t = thumbOf(el, 'A3')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(t.left + t.width / 2), Math.round(t.top + t.height / 2)] });
    await until(() => el!.shadowRoot!.querySelector('e-paper-page')?.page?.id === 'A3', 'page A3 is shown');
    await until(() => !thumbOf(el!, 'A3')!.hasAttribute('data-failed'), 'A3 no longer marked');
    await frames(2);
    expect(thumbOf(el, 'A3')!.querySelector('svg.failed'), 'no mark').to.equal(null);
    expect(thumbOf(el, 'A3')!.textContent).to.not.match(/未能/);
    expect(thumbOf(el, 'A3')!.getAttribute('aria-current')).to.equal('page');
  });
});
