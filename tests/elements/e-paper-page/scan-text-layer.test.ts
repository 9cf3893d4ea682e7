import { expect } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { Edition } from '../../../src/edition/schema.js';
import { validateEdition, EditionError } from '../../../src/edition/validate.js';
import { deepQuery, nextEvent } from '../../helpers.js';

const SCAN_URL = new URL('../../../demo/editions/zhuzhou-daily-2021-01-08-scan.json', import.meta.url).href;

/** The demo's scan edition with a text layer of two lines over a2's headline and its first subhead. */
async function withText(): Promise<Edition> {
  const edition = (await (await fetch(SCAN_URL)).json()) as Edition;
  const base = new URL('.', SCAN_URL).href;
  edition.pages[0].scan!.src = new URL(edition.pages[0].scan!.src, SCAN_URL).href;
  edition.pages[0].scan!.srcset = edition.pages[0].scan!.srcset?.map((s) => ({ ...s, src: new URL(s.src, base).href }));
  edition.pages[0].text = [
    { text: '中共中央政治局常务委员会召开会议', x: 122, y: 387, w: 1044, h: 68 },
    { text: '中共中央总书记习近平主持会议', x: 396, y: 544, w: 496, h: 30 },
  ];
  return edition;
}

async function viewer(edition: Edition) {
  const el = document.createElement('e-paper') as EPaper;
  el.noPersist = true;
  el.style.cssText = 'display: block; width: 700px; height: 900px';
  el.edition = edition;
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  const root = deepQuery(el, 'e-paper-page')!.shadowRoot!;
  for (let i = 0; i < 100 && !root.querySelector('.text-layer span'); i++) await new Promise((r) => setTimeout(r, 20));
  return { el, root };
}

describe('the text layer of a scan page', () => {
  afterEach(async () => {
    await resetMouse();
    document.querySelectorAll('e-paper').forEach((el) => el.remove());
    CSS.highlights.delete('e-paper-search');
  });

  it('sets each line, invisible, over its place on the image', async () => {
    const { root } = await viewer(await withText());
    const spans = [...root.querySelectorAll<HTMLElement>('.text-layer span')];
    expect(spans.map((s) => s.textContent)).to.deep.equal(['中共中央政治局常务委员会召开会议', '中共中央总书记习近平主持会议']);
    const image = root.querySelector('.scan-image.sharp')!.getBoundingClientRect();
    const perUnit = image.width / 2000;
    const box = spans[0].getBoundingClientRect();
    expect(Math.abs(box.left - (image.left + 122 * perUnit))).to.be.below(1);
    expect(Math.abs(box.width - 1044 * perUnit)).to.be.below(1);
    expect(getComputedStyle(spans[0]).color).to.equal('rgba(0, 0, 0, 0)');
  });

  it('lets a mouse drag select the page text, and copies it', async () => {
    const { root } = await viewer(await withText());
    const box = root.querySelector('.text-layer span')!.getBoundingClientRect();
    const y = Math.round(box.top + box.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(box.left + 2), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), y] });
    await sendMouse({ type: 'move', position: [Math.round(box.right - 2), y] });
    await sendMouse({ type: 'up' });
    const selected = (root as ShadowRoot & { getSelection(): Selection }).getSelection().toString();
    expect(selected.length).to.be.greaterThan(8);
    expect('中共中央政治局常务委员会召开会议').to.include(selected);
  });

  it('opens the article under a line clicked without selecting', async () => {
    const { el, root } = await viewer(await withText());
    const box = root.querySelectorAll('.text-layer span')[1].getBoundingClientRect();
    const opened = nextEvent(el, 'e-paper-article-open');
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    expect(((await opened) as CustomEvent).detail.articleId).to.equal('a2');
  });

  it('lights up search hits on the page image', async () => {
    const { el, root } = await viewer(await withText());
    (el as unknown as { searchQuery: string }).searchQuery = '习近平';
    let ranges: AbstractRange[] = [];
    for (let i = 0; i < 100 && !ranges.length; i++) {
      await new Promise((r) => setTimeout(r, 20));
      ranges = [...(CSS.highlights.get('e-paper-search') ?? [])];
    }
    const inLayer = ranges.filter((r) => root.querySelector('.text-layer')!.contains(r.startContainer));
    expect(inLayer.length).to.equal(1);
    expect((inLayer[0].startContainer as Text).data.slice(inLayer[0].startOffset, inLayer[0].endOffset)).to.equal('习近平');
  });

  it('is refused on a typeset page, and past its limits', async () => {
    const edition = await withText();
    const typeset = structuredClone(edition);
    typeset.pages[0] = { ...typeset.pages[0], scan: undefined, blocks: [] };
    expect(() => validateEdition(typeset)).to.throw(EditionError, /text layer only on a scan page/);
    const long = structuredClone(edition);
    long.pages[0].text = Array.from({ length: 10_001 }, () => ({ text: '字', x: 0, y: 0, w: 1, h: 1 }));
    expect(() => validateEdition(long)).to.throw(EditionError, /at most 10000 items/);
  });
});
