import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import { EPaperSearch, type SearchQueryDetail, type SearchSelectDetail } from '../../../src/elements/e-paper-search/e-paper-search.js';
import { searchStrings } from '../../../src/elements/e-paper-search/e-paper-search-strings.js';
import { searchEdition } from '../../../src/search/search-text.js';
import { clearMatches, highlightMatches, searchHitStyles } from '../../../src/search/search-highlight.js';
import { tokenStyles } from '../../../src/internal/styles/tokens.js';
import type { Edition } from '../../../src/edition/schema.js';
import { frames, loadA1, nextEvent, until } from '../../helpers.js';

if (!customElements.get('e-paper-search')) customElements.define('e-paper-search', EPaperSearch);

const axe = (window as unknown as { axe: typeof AxeCore }).axe;

const input = (el: EPaperSearch) => el.shadowRoot!.querySelector<HTMLInputElement>('[part="search-input"]')!;
const results = (el: EPaperSearch) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="search-result"]')];
const status = (el: EPaperSearch) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const focused = (el: EPaperSearch) => el.shadowRoot!.activeElement;

async function panel(edition: Edition, uiLang = 'zh-CN') {
  // In a bar, as in the viewer's toolbar: the panel hangs from the bar's box, whatever the element's place in it.
  const bar = await fixture<HTMLDivElement>(
    html`<div style="position: relative; display: flex; justify-content: center; padding-top: 40px"><e-paper-search .edition=${edition} lang=${uiLang} textLang=${edition.lang} open></e-paper-search></div>`,
  );
  const el = bar.firstElementChild as EPaperSearch;
  await el.updateComplete;
  const r = el.shadowRoot!.querySelector('[part="search-panel"]')!.getBoundingClientRect();
  expect(r.left).to.be.at.least(0);
  expect(r.top).to.be.at.least(40);
  return el;
}

/** Types `text` with real keys and waits for the settled query. */
async function type(el: EPaperSearch, text: string) {
  const settled = nextEvent<SearchQueryDetail>(el, 'e-paper-search-query');
  await sendKeys({ type: text });
  const event = await settled;
  await el.updateComplete;
  return event;
}

afterEach(() => resetMouse());

describe('<e-paper-search>', () => {
  it('focuses its field when opened, and renders nothing while closed', async () => {
    const edition = await loadA1();
    const el = await panel(edition);
    expect(focused(el)).to.equal(input(el));
    expect(input(el).placeholder).to.equal('搜索本期');
    expect(input(el).getAttribute('aria-label')).to.equal('搜索本期');
    el.open = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="search-panel"]')).to.equal(null);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(getComputedStyle(el).display).to.equal('none');
    el.open = true;
    await el.updateComplete;
    expect(el.hasAttribute('open')).to.equal(true);
    expect(focused(el)).to.equal(input(el));
    (document.activeElement as HTMLElement).blur();
    el.focusInput();
    expect(focused(el)).to.equal(input(el));
  });

  it('shows one result per text of typed text, grouped by page, with the first match in <mark>', async () => {
    const edition = await loadA1();
    const el = await panel(edition);
    const event = await type(el, '阳卫国');
    expect(event.detail).to.deep.equal({ query: '阳卫国' });
    expect(el.query).to.equal('阳卫国');
    const expected = searchEdition(edition, '阳卫国');
    expect(expected.total).to.be.greaterThan(2);
    // The status counts matches; a paragraph that names him twice is one result.
    const texts = edition.articles.flatMap((a) => [
      ...[a.banner, a.kicker, a.headline, ...(a.subheads ?? []), ...(a.bylines ?? []), ...a.paragraphs],
      ...(a.photos ?? []).map((p) => p.caption),
    ]);
    const plainCount = texts.join('\n').split('阳卫国').length - 1;
    expect(expected.matches).to.equal(plainCount);
    expect(expected.hits).to.have.length(expected.total);
    expect(expected.total).to.be.lessThan(plainCount);
    expect(status(el)).to.equal(`${plainCount} 处`);
    const buttons = results(el);
    expect(buttons).to.have.length(expected.hits.length);
    expect(buttons.map((b) => b.querySelector('mark')!.textContent)).to.deep.equal(expected.hits.map(() => '阳卫国'));
    expect(buttons.map((b) => b.dataset.articleId)).to.deep.equal(expected.hits.map((h) => h.articleId));
    const first = buttons[0];
    const hit = expected.hits[0];
    const headline = edition.articles.find((a) => a.id === hit.articleId)!.headline;
    expect(first.textContent!.replace(/\s+/g, '')).to.equal(`${hit.before}${hit.match}${hit.after}`.replace(/\s+/g, ''));
    expect([...first.querySelectorAll('[lang]')].map((n) => n.getAttribute('lang'))).to.deep.equal(['zh-CN']);
    // The headline is the group's, above the result, and names it to assistive technology.
    const meta = el.shadowRoot!.getElementById(first.getAttribute('aria-describedby')!)!;
    expect(meta.querySelector('[lang="zh-CN"]')!.textContent).to.equal(`\u2068${headline}\u2069`);
    const headings = [...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).to.deep.equal([searchStrings('zh-CN').page('A1')]);
    expect(headings[0]).to.equal('\u2068A1\u2069 版');
  });

  it('sets the page label and the headline of a match in isolates: bidi controls in them reach nothing else', async () => {
    const edition = await loadA1();
    edition.pages[0].label = 'A1\u202e';
    edition.articles[0].headline = `\u202e${edition.articles[0].headline}`;
    const el = await panel(edition);
    // Words of this article alone (its dateline opens most articles): its match is the one result.
    el.query = edition.articles[0].paragraphs[0].slice(12, 22);
    await el.updateComplete;
    expect(results(el)).to.have.length(1);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('\u2068A1\u202e\u2069 版');
    const meta = el.shadowRoot!.getElementById(el.shadowRoot!.querySelector('[part~="search-result"]')!.getAttribute('aria-describedby')!)!;
    expect(meta.querySelector('[lang]')!.textContent).to.equal(`\u2068${edition.articles[0].headline}\u2069`);
  });

  it('notes the further matches of a text after its result, and only there', async () => {
    const edition = await loadA1();
    const el = await panel(edition);
    el.query = '阳卫国';
    await el.updateComplete;
    const { hits } = searchEdition(edition, '阳卫国');
    const suffixes = results(el).map((b) => b.querySelector('.more')?.textContent ?? null);
    expect(suffixes).to.deep.equal(hits.map((h) => (h.matches > 1 ? `另 ${h.matches - 1} 处` : null)));
    expect(suffixes.filter((x) => x !== null)).to.deep.equal(['另 1 处']);
    // Outside the edition text's isolate, so the note stays at the end of the line.
    const more = el.shadowRoot!.querySelector('.more')!;
    expect(more.closest('[lang]')).to.equal(null);
    expect(more.previousElementSibling!.getAttribute('lang')).to.equal('zh-CN');
    // Four 株洲 in one paragraph: one result, 另 3 处.
    el.query = '株洲';
    await el.updateComplete;
    const four = searchEdition(edition, '株洲').hits.findIndex((h) => h.matches === 4);
    expect(four).to.be.at.least(0);
    expect(results(el)[four].querySelector('.more')!.textContent).to.equal('另 3 处');
    expect(results(el)[four].querySelectorAll('mark')).to.have.length(1);
  });

  it('says how many places it lists when there are more than it shows', async () => {
    const edition = await loadA1();
    // 300 paragraphs with 株洲 twice: 600 matches in 300 places, 200 listed.
    const crowded = { ...edition, articles: [{ id: 'x', headline: 'x', paragraphs: Array.from({ length: 300 }, () => '株洲，株洲') }] };
    const el = await panel(crowded);
    el.query = '株洲';
    await el.updateComplete;
    expect(results(el)).to.have.length(200);
    expect(status(el)).to.equal('共 600 处，显示前 200 条');
    el.lang = 'en';
    await el.updateComplete;
    expect(status(el)).to.equal('600 matches, showing the first 200 places');
    expect(results(el)[0].querySelector('.more')!.textContent).to.equal('+1 more');
  });

  it('says so when nothing matches', async () => {
    const el = await panel(await loadA1());
    await type(el, 'zzqx');
    expect(status(el)).to.equal('无结果');
    expect(results(el)).to.have.length(0);
  });

  it('Enter searches at once and moves to the first match, opening nothing: a second Enter chooses it', async () => {
    const edition = await loadA1();
    const el = await panel(edition);
    let chosen = 0;
    el.addEventListener('e-paper-search-select', () => chosen++);
    await sendKeys({ type: 'Ｇ71' });
    // Before the typing has settled: the search runs now, and the reader sees the list first.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chosen, 'nothing opened yet').to.equal(0);
    expect(focused(el)).to.equal(results(el)[0]);
    const selected = nextEvent<SearchSelectDetail>(el, 'e-paper-search-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await selected;
    const hit = searchEdition(edition, 'g71').hits[0];
    expect(detail).to.deep.equal({ articleId: 'a7', pageId: 'A1', field: hit.field, index: hit.index, query: 'Ｇ71' });
    expect(hit.field).to.equal('paragraph');
  });

  it('groups the matches of an article under its headline, once, with its count', async () => {
    const edition = await loadA1();
    const el = await panel(edition);
    el.query = '株洲';
    await el.updateComplete;
    const { hits } = searchEdition(edition, '株洲');
    const articles = [...new Set(hits.map((h) => h.articleId))];
    expect(hits.length, 'more matches than articles').to.be.greaterThan(articles.length);
    const groups = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.meta')];
    expect(groups).to.have.length(articles.length);
    const headlines = new Map(edition.articles.map((a) => [a.id, a.headline]));
    groups.forEach((group, i) => {
      const own = hits.filter((h) => h.articleId === articles[i]);
      expect(group.querySelector('[lang]')!.textContent).to.equal(`\u2068${headlines.get(articles[i])}\u2069`);
      expect(group.querySelector('.count')!.textContent).to.equal(`${own.reduce((n, h) => n + h.matches, 0)} 处`);
      // Its results follow it, each described by it.
      const buttons = [...group.nextElementSibling!.querySelectorAll<HTMLButtonElement>('[part~="search-result"]')];
      expect(buttons.map((b) => b.dataset.articleId)).to.deep.equal(own.map(() => articles[i]));
      for (const b of buttons) expect(b.getAttribute('aria-describedby')).to.equal(group.id);
    });
    // No headline inside a result (but a match in the headline itself): it is said once, above them.
    const repeated = results(el).filter(
      (b, i) => hits[i].field !== 'headline' && b.textContent!.includes(headlines.get(hits[i].articleId)!),
    );
    expect(repeated).to.have.length(0);
  });

  it('keeps the field in place while the results scroll', async () => {
    const el = await panel(await loadA1());
    input(el).focus();
    await type(el, '株洲');
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part="search-panel"]')!;
    const top = input(el).getBoundingClientRect().top;
    expect(box.scrollHeight).to.be.greaterThan(box.clientHeight * 2);
    const [x, y] = [box.getBoundingClientRect().left + 100, box.getBoundingClientRect().bottom - 40];
    await sendMouse({ type: 'move', position: [Math.round(x), Math.round(y)] });
    await executeServerCommand('cdp-input', {
      events: [{ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 600 } }],
    });
    await until(() => box.scrollTop > 300, 'the results scrolled');
    await frames();
    expect(input(el).getBoundingClientRect().top).to.be.closeTo(top, 1);
    // And nothing of the results shows through the field's row.
    const field = input(el).getBoundingClientRect();
    const under = el.shadowRoot!.elementFromPoint(field.left + 20, field.top + field.height / 2);
    expect(under).to.equal(input(el));
  });

  it('moves between the field and the matches with the arrow keys; Enter on a match chooses it', async () => {
    const edition = await loadA1();
    const el = await panel(edition);
    await type(el, '株洲日报记者');
    const buttons = results(el);
    expect(buttons.length).to.be.greaterThan(3);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(buttons[0]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(buttons[2]);
    await el.updateComplete;
    // Roving focus: Tab reaches the match last focused, only it.
    expect(buttons.filter((b) => b.tabIndex === 0)).to.deep.equal([buttons[2]]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal(buttons[1]);
    const selected = nextEvent<SearchSelectDetail>(el, 'e-paper-search-select');
    await sendKeys({ press: 'Enter' });
    const hit = searchEdition(edition, '株洲日报记者').hits[1];
    expect((await selected).detail).to.deep.equal({
      articleId: hit.articleId,
      pageId: 'A1',
      field: 'byline',
      index: hit.index,
      query: '株洲日报记者',
    });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal(input(el));
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal(buttons.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(buttons.at(-1));
  });

  it('leaves Enter and the typing to an IME while it composes', async () => {
    const el = await panel(await loadA1());
    const field = input(el);
    field.value = 'zhu';
    field.dispatchEvent(new InputEvent('input', { isComposing: true, bubbles: true, composed: true }));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.query).to.equal('');
    expect(status(el)).to.equal('');
    field.value = '株洲';
    const settled = nextEvent<SearchQueryDetail>(el, 'e-paper-search-query');
    field.dispatchEvent(new CompositionEvent('compositionend', { data: '株洲', bubbles: true, composed: true }));
    expect((await settled).detail).to.deep.equal({ query: '株洲' });
  });

  it('Escape clears the field first, then closes', async () => {
    const el = await panel(await loadA1());
    await type(el, '株洲');
    expect(results(el).length).to.be.greaterThan(0);
    await sendKeys({ press: 'ArrowDown' });
    const cleared = nextEvent<SearchQueryDetail>(el, 'e-paper-search-query');
    let closed = 0;
    el.addEventListener('e-paper-search-close', () => closed++);
    await sendKeys({ press: 'Escape' });
    expect((await cleared).detail).to.deep.equal({ query: '' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(focused(el)).to.equal(input(el));
    expect(results(el)).to.have.length(0);
    expect(status(el)).to.equal('');
    expect(closed).to.equal(0);
    const close = nextEvent(el, 'e-paper-search-close');
    await sendKeys({ press: 'Escape' });
    expect((await close).detail).to.equal(null);
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(closed).to.equal(1);
  });

  it('closes from its close button', async () => {
    const el = await panel(await loadA1(), 'en');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.close')!;
    expect(button.getAttribute('aria-label')).to.equal('Close search');
    const close = nextEvent(el, 'e-paper-search-close');
    const r = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await close;
    await el.updateComplete;
    expect(el.open).to.equal(false);
  });

  it('speaks English with lang="en"', async () => {
    const edition = await loadA1();
    const el = await panel(edition, 'en');
    expect(input(el).placeholder).to.equal('Search this edition');
    await type(el, '阳卫国');
    expect(status(el)).to.equal(`${searchEdition(edition, '阳卫国').matches} matches`);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('Page \u2068A1\u2069');
    el.query = '陈埠港小游园';
    await el.updateComplete;
    expect(input(el).value).to.equal('陈埠港小游园');
    expect(status(el)).to.equal('1 match');
    el.query = 'zzqx';
    await el.updateComplete;
    expect(status(el)).to.equal('No matches');
    expect(searchStrings('en').count(350, 200, 260)).to.equal('350 matches, showing the first 200 places');
    expect(searchStrings('en').count(350, 260, 260)).to.equal('350 matches');
  });

  it('is a popover under its bar, and a full-width sheet on narrow screens', async () => {
    await setViewport({ width: 1000, height: 800 });
    const el = await panel(await loadA1());
    el.query = '株洲';
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part="search-panel"]')!;
    let r = box.getBoundingClientRect();
    expect(r.width).to.be.within(300, 28 * 14 + 1);
    expect(Math.round(r.left), 'from the start of its bar').to.equal(Math.round(el.parentElement!.getBoundingClientRect().left));
    expect(r.height).to.be.at.most(800 * 0.6 + 1);
    expect(box.scrollHeight).to.be.greaterThan(box.clientHeight);
    try {
      await setViewport({ width: 400, height: 700 });
      r = box.getBoundingClientRect();
      expect([r.left, r.top, r.width]).to.deep.equal([0, 0, 400]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`has no axe violations with results shown (${lang})`, async () => {
      const el = await panel(await loadA1(), lang);
      el.query = '株洲';
      await el.updateComplete;
      expect(results(el).length).to.be.greaterThan(10);
      const { violations } = await axe.run(el, { resultTypes: ['violations'] });
      expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`))).to.deep.equal([]);
    });
  }
});

describe('search highlights', () => {
  async function host(text: string) {
    const el = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = el.attachShadow({ mode: 'open' });
    // As in the elements: the token table's private properties, and the rule that reads them.
    root.adoptedStyleSheets = [tokenStyles.styleSheet!, searchHitStyles.styleSheet!];
    root.innerHTML = `<style>/* ${text} */</style><h1>${text}</h1><p>${text}<b>${text}</b></p>`;
    return root;
  }

  afterEach(() => CSS.highlights.delete('e-paper-search'));

  it('highlights each match with a range over exactly its text, per owner', async () => {
    const a = await host('株洲日报讯 １月７日，株洲市');
    const b = await host('Zhuzhou ZHUZHOU');
    const ownerA = {};
    const ownerB = {};
    expect(highlightMatches(ownerA, [a], '株洲')).to.equal(6);
    expect(highlightMatches(ownerB, [b], 'zhuzhou')).to.equal(6);
    const highlight = CSS.highlights.get('e-paper-search')!;
    expect(highlight.size).to.equal(12);
    const texts = [...highlight.keys()].map((r) => (r as Range).toString());
    expect(texts.sort()).to.deep.equal(
      [...Array(6).fill('ZHUZHOU').slice(0, 3), ...Array(3).fill('Zhuzhou'), ...Array(6).fill('株洲')].sort(),
    );
    // A full-width date found by a half-width query.
    expect(highlightMatches(ownerA, [a], '1月7日')).to.equal(3);
    expect([...highlight.keys()].filter((r) => (r as Range).toString() === '１月７日')).to.have.length(3);
    expect(highlight.size).to.equal(9);
    clearMatches(ownerA);
    expect(CSS.highlights.get('e-paper-search')!.size).to.equal(6);
    expect([...highlight.keys()].every((r) => /^zhuzhou$/i.test((r as Range).toString()))).to.equal(true);
    clearMatches(ownerB);
    expect(CSS.highlights.has('e-paper-search')).to.equal(false);
    expect(highlightMatches(ownerA, [a], '')).to.equal(0);
  });

  it('does nothing without the Custom Highlight API', async () => {
    const root = await host('株洲');
    const saved = Object.getOwnPropertyDescriptor(CSS, 'highlights')!;
    Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });
    try {
      expect(highlightMatches(root, [root], '株洲')).to.equal(0);
      clearMatches(root);
    } finally {
      Object.defineProperty(CSS, 'highlights', saved);
    }
    expect(CSS.highlights.has('e-paper-search')).to.equal(false);
  });

  it('paints the matches with the shared rule', async () => {
    const root = await host('株洲');
    highlightMatches(root, [root], '株洲');
    const style = getComputedStyle(root.querySelector('h1')!, '::highlight(e-paper-search)');
    expect(style.backgroundColor).to.equal('rgb(255, 224, 102)');
    clearMatches(root);
  });
});
