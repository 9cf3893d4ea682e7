/**
 * The page strip's thumbnails draw their text in the edition's stand-ins (thumbnail-fonts.ts),
 * never in the shared slices, which their text, a pixel or two tall, would otherwise fetch (a deep
 * link into a page file fetched about 390 KiB of headline slices for them). The sliced A1 of
 * demo/editions/sliced/ under an id of its own (fonts register per edition).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { EPaperPages } from '../../../src/elements/e-paper-pages/e-paper-pages.js';
import { EPaperPage } from '../../../src/elements/e-paper-page/e-paper-page.js';
import { editionFontFamily } from '../../../src/edition/fonts.js';
import type { Edition } from '../../../src/edition/schema.js';
import { until } from '../../helpers.js';

if (!customElements.get('e-paper-pages')) customElements.define('e-paper-pages', EPaperPages);
if (!customElements.get('e-paper-page')) customElements.define('e-paper-page', EPaperPage);

const SLICED = new URL('../../../demo/editions/sliced/', import.meta.url);

/** The sliced A1, under an id of its own, its font URLs absolute, its page twice (A1, A2). */
async function slicedTwoPages(): Promise<Edition> {
  const edition: Edition = await (await fetch(new URL('zhuzhou-daily-2021-01-08.json', SLICED))).json();
  const fonts = edition.fonts!.map((font) => ({ ...font, src: new URL(font.src, SLICED).href }));
  const [a1] = edition.pages;
  return { ...edition, id: `thumbnail-fonts-${Date.now()}`, fonts, pages: [a1, { ...a1, id: 'A2', label: 'A2' }] };
}

describe('the page strip’s thumbnail fonts', () => {
  before(() => performance.setResourceTimingBufferSize(100_000));

  it('draws the thumbnails’ text in the stand-ins, fetching no slice', async () => {
    performance.clearResourceTimings();
    const edition = await slicedTwoPages();
    const el = await fixture<EPaperPages>(html`<e-paper-pages .edition=${edition} pageId="A1" .baseUrl=${SLICED.href}></e-paper-pages>`);
    await until(() => el.shadowRoot!.querySelectorAll('e-paper-page').length === 2, 'both thumbnails drawn', 10_000);
    await Promise.all([...el.shadowRoot!.querySelectorAll<EPaperPage>('e-paper-page')].map((page) => page.updateComplete));
    const standIn = (role: 'body' | 'headline') => edition.fonts!.find((font) => font.role === role && font.kind === 'stand-in')!.src;
    const fetched = () => performance.getEntriesByType('resource').map((entry) => entry.name);
    await until(() => fetched().includes(standIn('body')) && fetched().includes(standIn('headline')), 'the stand-ins fetched', 10_000);
    await document.fonts.ready;
    const slices = edition.fonts!.filter((font) => font.kind === 'slice').map((font) => font.src);
    expect(
      fetched().filter((url) => slices.includes(url)),
      'no slice',
    ).to.deep.equal([]);
    // The headlines are in the thumbnails' own face: the headline's stand-in.
    const headline = el.shadowRoot!.querySelector('e-paper-page')!.shadowRoot!.querySelector('h2, .headline')!;
    const family = getComputedStyle(headline).fontFamily;
    const thumbnails = editionFontFamily({ id: `${edition.id} thumbnails` }, 'headline');
    expect(family, 'its stack').to.contain(`"${thumbnails}"`);
    expect(family, 'never the page’s families').not.to.contain(`"${editionFontFamily(edition, 'headline')}"`);
    const faces = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === thumbnails);
    expect(
      faces.map((face) => face.status),
      'the stand-in, loaded',
    ).to.deep.equal(['loaded']);
  });
});
