import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import { glyphSamples } from '../../../src/elements/e-paper-reader/reader-glyph-warmup.js';
import { articlesOnPage } from '../../../src/edition/regions.js';
import { editionFontFamily, loadEditionFonts } from '../../../src/edition/fonts.js';
import type { Edition } from '../../../src/edition/schema.js';
import { A1_URL, loadA1, until } from '../../helpers.js';

if (!customElements.get('e-paper-reader')) customElements.define('e-paper-reader', EPaperReader);

let edition: Edition;
let order: string[];

/** What decides which glyphs, at which size, the text is shaped with. */
const FONT = ['font-family', 'font-size', 'font-weight', 'font-style', 'font-kerning', 'letter-spacing', 'line-break', 'text-autospace'];
const fontOf = (el: Element): Record<string, string | null | undefined> => {
  const style = getComputedStyle(el);
  return {
    ...Object.fromEntries(FONT.map((name) => [name, style.getPropertyValue(name)])),
    lang: el.closest('[lang]')?.getAttribute('lang'),
  };
};

/** Watches a closed reader's warm-up: the fonts of its sample, and every character it laid out, by style. */
function watch(reader: EPaperReader) {
  const seen = {
    fonts: {} as Record<string, ReturnType<typeof fontOf>>,
    chars: { headline: '', kicker: '', body: '' },
    /** The drawn characters, by style, and the phases' fonts and offsets. */
    drawn: { headline: '', kicker: '', body: '' },
    drawnFonts: [] as ReturnType<typeof fontOf>[][],
    phases: new Set<string>(),
    added: 0,
    inView: 0,
    hidden: [] as string[],
  };
  const record = () => {
    const sample = reader.shadowRoot!.querySelector('.warmup');
    if (!sample) return;
    const style = getComputedStyle(sample);
    const [layout, ...phases] = sample.querySelectorAll('.text');
    const [headline, kicker, body] = layout.querySelectorAll('p');
    // In view by one pixel column only: drawn text in view would be the page's largest contentful paint.
    const box = sample.getBoundingClientRect();
    seen.inView = Math.max(seen.inView, Math.min(box.right, innerWidth) - Math.max(box.left, 0));
    // The sample, and the text laid out only, which is not even drawn.
    seen.hidden.push(
      `${sample.getAttribute('aria-hidden')} ${(sample as HTMLElement).inert} ${style.filter} ${style.pointerEvents} ${getComputedStyle(body).visibility}`,
    );
    seen.fonts = { headline: fontOf(headline), kicker: fontOf(kicker), body: fontOf(body) };
    seen.chars.headline += headline.textContent;
    seen.chars.kicker += kicker.textContent;
    seen.chars.body += body.textContent;
    // The four phases draw the same characters, a quarter pixel apart.
    const texts = phases.map((phase) => [...phase.querySelectorAll('p')].map((p) => p.textContent).join('|'));
    seen.phases.add(
      `${new Set(texts).size} ${phases.map((phase) => phase.getBoundingClientRect().left - layout.getBoundingClientRect().left).join(' ')}`,
    );
    const [h, k, b] = phases[0].querySelectorAll('p');
    seen.drawn.headline += h.textContent;
    seen.drawn.kicker += k.textContent;
    seen.drawn.body += b.textContent;
    seen.phases.add([h, k, b].map((p) => getComputedStyle(p).visibility).join(' '));
    seen.drawnFonts.push([h, k, b].map(fontOf));
  };
  const observer = new MutationObserver((records) => {
    const isSample = (n: Node) => (n as Element).classList?.contains('warmup');
    if (records.some((r) => [...r.addedNodes].some(isSample))) seen.added++;
    // The sample's own changes only (the dialog laid out ahead changes too, reader-layout-ahead.ts).
    if (records.some((r) => [...r.addedNodes].some(isSample) || (r.target as Element).closest?.('.warmup'))) record();
  });
  observer.observe(reader.shadowRoot!, { childList: true, subtree: true });
  return { seen, stop: () => observer.disconnect() };
}

before(async () => {
  edition = await loadA1();
  order = articlesOnPage(edition, edition.pages[0]).map((article) => article.id);
  await loadEditionFonts(edition, A1_URL);
  await setViewport({ width: 1280, height: 900 });
});

after(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('<e-paper-reader>: the glyphs laid out at idle while closed', () => {
  it('takes each character of the page once, by the style that sets it', () => {
    const articles = order.map((id) => edition.articles.find((a) => a.id === id)!);
    const samples = glyphSamples(articles);
    const body = new Set(articles.flatMap((a) => [...a.paragraphs.join('')]));
    expect([...samples.body].sort()).to.deep.equal([...body].sort());
    expect(new Set(samples.body).size, 'no character twice').to.equal(samples.body.length);
    expect(new Set(samples.headline)).to.deep.equal(new Set(articles.flatMap((a) => [...a.headline])));
  });

  it('lays out every character of the page in the fonts the open reader sets them in, then removes the sample', async () => {
    const reader = document.createElement('e-paper-reader');
    reader.edition = edition;
    reader.articleIds = order;
    reader.textScale = 1.2;
    const holder = await fixture(html`<div></div>`);
    holder.append(reader);
    // Watched from the first render on: the warm-up begins at the first idle moment after it.
    const { seen, stop } = watch(reader);
    await until(() => seen.added > 0 && !reader.shadowRoot!.querySelector('.warmup'), 'the warm-up to end');
    stop();
    expect(seen.added, 'one sample for the whole warm-up').to.equal(1);
    expect(seen.inView, 'one pixel column in view').to.equal(1);
    expect(new Set(seen.hidden), 'never seen, read, found or hit').to.deep.equal(new Set(['true true opacity(0) none hidden']));
    const samples = glyphSamples(order.map((id) => edition.articles.find((a) => a.id === id)!));
    expect([...seen.chars.body].sort().join('')).to.equal([...samples.body].sort().join(''));
    expect([...seen.chars.headline].sort().join('')).to.equal([...samples.headline].sort().join(''));
    expect([...seen.chars.kicker].sort().join('')).to.equal([...samples.kicker].sort().join(''));

    // The open reader sets its text in exactly those fonts.
    const article = edition.articles.find((a) => a.id === order.find((id) => edition.articles.find((x) => x.id === id)!.kicker))!;
    reader.articleId = article.id;
    reader.open = true;
    await reader.updateComplete;
    const open = (selector: string) => fontOf(reader.shadowRoot!.querySelector(`.scroller ${selector}`)!);
    expect(seen.fonts.headline).to.deep.equal(open('.headline'));
    expect(seen.fonts.kicker).to.deep.equal(open('.kicker'));
    expect(seen.fonts.body).to.deep.equal(open('.body > p'));
    expect(parseFloat(seen.fonts.body['font-size'] ?? ''), 'at the text scale').to.be.closeTo(18 * 1.2, 0.01);
    // The drawn characters too: in the same fonts, at four quarter-pixel phases.
    for (const fonts of seen.drawnFonts) expect(fonts).to.deep.equal([open('.headline'), open('.kicker'), open('.body > p')]);
    expect(seen.phases).to.deep.equal(new Set(['1 0 0.25 0.5 0.75', 'visible visible visible']));
    reader.open = false;
  });

  it('draws the most used characters of the first screens first, within its share of the glyph cache', async () => {
    const articles = order.map((id) => edition.articles.find((a) => a.id === id)!);
    const { drawn } = glyphSamples(articles);
    // Every character of every headline and the start of every body is a candidate, once per style.
    expect(new Set(drawn.map(([style, c]) => style + c)).size, 'no character twice in a style').to.equal(drawn.length);
    const headlines = new Set(articles.flatMap((a) => [...a.headline].filter((c) => c.trim())));
    expect(new Set(drawn.filter(([style]) => style === 'headline').map(([, c]) => c))).to.deep.equal(headlines);
    const starts = articles.map((a) => a.paragraphs.join('').slice(0, 480));
    const bodyDrawn = drawn.filter(([style]) => style === 'body').map(([, c]) => c);
    expect(new Set(bodyDrawn)).to.deep.equal(new Set(starts.flatMap((t) => [...t].filter((c) => c.trim()))));
    // Most used first: the body's first character is used at least as often as its last.
    const uses = (c: string) => starts.join('').split(c).length - 1;
    expect(uses(bodyDrawn[0])).to.be.at.least(uses(bodyDrawn.at(-1)!));
    expect(uses(bodyDrawn[0])).to.be.greaterThan(1);

    const reader = document.createElement('e-paper-reader');
    reader.edition = edition;
    reader.articleIds = order;
    const holder = await fixture(html`<div></div>`);
    holder.append(reader);
    const { seen, stop } = watch(reader);
    await until(() => seen.added > 0 && !reader.shadowRoot!.querySelector('.warmup'), 'the warm-up to end');
    stop();
    // Within the budget: each drawn glyph four times, at about its em square in device pixels.
    const size = { headline: 18 * 1.9, kicker: 18 * 1.05, body: 18 };
    const area = (Object.keys(size) as (keyof typeof size)[]).reduce(
      (sum, style) => sum + [...seen.drawn[style]].length * 4 * (size[style] * devicePixelRatio) ** 2,
      0,
    );
    expect(area).to.be.at.most(200_000);
    expect(area, 'most of the budget used').to.be.greaterThan(160_000);
    // The most used body characters are among those drawn; the page has more than the budget takes.
    expect(seen.drawn.body).to.include(bodyDrawn[0]);
    expect([...seen.drawn.body].length).to.be.lessThan(bodyDrawn.length);
    expect(new Set(seen.drawn.body).size, 'each once').to.equal([...seen.drawn.body].length);
  });

  it('stops while the reader is open and goes on after it closes', async () => {
    const reader = await fixture<EPaperReader>(
      html`<e-paper-reader .edition=${edition} .articleIds=${order} article-id=${order[0]} .open=${true}></e-paper-reader>`,
    );
    const { seen, stop } = watch(reader);
    // Idle time passes while it is open: no sample.
    await new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve)));
    expect(reader.shadowRoot!.querySelector('.warmup')).to.equal(null);
    reader.open = false;
    await until(() => seen.added > 0 && !reader.shadowRoot!.querySelector('.warmup'), 'the warm-up after closing');
    stop();
    expect(seen.chars.body.length, 'the rest of the page').to.be.greaterThan(0);
  });
});

describe('<e-paper-reader>: the warm-up of an edition in shared slices', () => {
  it("sets the page's headlines in the page's cut: no headline slice is fetched, closed or open", async () => {
    const base = new URL('../../../demo/editions/sliced/', import.meta.url);
    const sliced: Edition = await (await fetch(new URL('zhuzhou-daily-2021-01-08.json', base))).json();
    const fonts = sliced.fonts!.map((font) => ({ ...font, src: new URL(font.src, base).href }));
    const edition: Edition = { ...sliced, id: `warmup-sliced-${Date.now()}`, fonts };
    const [page] = edition.pages;
    // As the viewer loads a page shown at 1:1: the page's headline cut and its body slices.
    await loadEditionFonts(edition, base.href, undefined, undefined, page, 1);
    const slices = new Set(fonts.filter((font) => font.role === 'headline' && font.kind === 'slice').map((font) => font.src));
    const fetched = () => performance.getEntriesByType('resource').filter((entry) => slices.has(entry.name));
    expect(fetched(), 'none before').to.deep.equal([]);

    const reader = document.createElement('e-paper-reader');
    reader.edition = edition;
    reader.articleIds = articlesOnPage(edition, page).map((article) => article.id);
    const holder = await fixture(html`<div></div>`);
    holder.append(reader);
    const { seen, stop } = watch(reader);
    await until(() => seen.added > 0 && !reader.shadowRoot!.querySelector('.warmup'), 'the warm-up to end');
    stop();
    expect(seen.chars.headline.length, 'the headlines were laid out').to.be.greaterThan(20);
    expect(seen.fonts.headline['font-family'], "the page's cut first").to.contain(`"${editionFontFamily(edition, 'headline')} A1"`);
    // An article of the page opens with its headline in hand.
    reader.articleId = reader.articleIds[0];
    reader.open = true;
    await reader.updateComplete;
    await document.fonts.ready;
    expect(
      fetched().map((entry) => entry.name),
      'no headline slice',
    ).to.deep.equal([]);
    reader.open = false;
  });
});
