import { expect, fixture, html } from '@open-wc/testing';
import { A1_URL, deepQuery, nextEvent, partsLoaded } from './helpers.js';
import '../src/index.js';
import { define } from '../src/define.js';
import { register } from '../src/lazy-parts.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../src/elements/e-paper-reader/e-paper-reader.js';

/** Loads a demo page in an iframe of the given size and waits for its viewer to be ready. */
async function framePage(path: string, width = 1000, height = 800) {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
  document.body.append(frame);
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = new URL(path, import.meta.url).href;
  await loaded;
  const doc = frame.contentDocument!;
  const violations: string[] = (frame.contentWindow as unknown as { cspViolations?: string[] }).cspViolations ?? [];
  const el = doc.querySelector('e-paper') as EPaper;
  if (!deepQuery(el, 'e-paper-page')) await nextEvent(el, 'e-paper-ready');
  return { frame, doc, el, violations };
}

/** Each block's box in page units and its text's computed font size. */
function measure(el: EPaper) {
  const sheet = deepQuery<HTMLElement>(el, 'e-paper-page', '.page')!;
  return [...sheet.querySelectorAll<HTMLElement>('.block, .headline, .body p')].map((node) => ({
    name: `${node.className}:${node.closest<HTMLElement>('.block')?.dataset.articleId ?? ''}`,
    box: [node.offsetLeft, node.offsetTop, node.offsetWidth, node.offsetHeight],
    font: getComputedStyle(node).fontSize,
  }));
}

describe('embedding', () => {
  it('the built single file on a bare page renders the A1 edition and opens an article', async () => {
    const { el, frame } = await framePage('../demo/bare.html');
    const region = deepQuery(el, 'e-paper-page')!.shadowRoot!.querySelector<SVGGElement>('.region[data-article-id="a2"]')!;
    region.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    const reader = el.shadowRoot!.querySelector('e-paper-reader')!;
    expect(reader.shadowRoot!.textContent).to.contain('中共中央政治局常务委员会召开会议');
    frame.remove();
  });

  it('renders the same on a hostile host page (resets, 62.5% root, line-height 3, strict CSP)', async () => {
    const bare = await framePage('../demo/bare.html');
    const hostile = await framePage('../demo/hostile.html');
    const a = measure(bare.el);
    const b = measure(hostile.el);
    expect(b.length).to.equal(a.length);
    a.forEach((item, i) => {
      expect(b[i].name).to.equal(item.name);
      b[i].box.forEach((v, k) => expect(Math.abs(v - item.box[k]), `${item.name} box[${k}]`).to.be.at.most(1));
      expect(b[i].font, item.name).to.equal(item.font);
    });
    // Open the reader too: it must need nothing the policy forbids either.
    hostile.el.openArticle('a6');
    await hostile.el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((hostile.frame.contentWindow as unknown as { cspViolations: string[] }).cspViolations).to.deep.equal([]);
    bare.frame.remove();
    hostile.frame.remove();
  });

  it('keeps two viewers on one page independent', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const ready = new Promise<void>((resolve) => {
      let n = 0;
      host.addEventListener('e-paper-ready', () => ++n === 2 && resolve());
    });
    await fixture(
      html`<div>
        <e-paper id="one" no-persist style="width: 500px; height: 400px; --e-paper-paper: rgb(255, 250, 240)" src=${A1_URL}></e-paper>
        <e-paper id="two" no-persist theme="dark" lang="en" style="width: 500px; height: 400px" src=${A1_URL}></e-paper>
      </div>`,
      { parentNode: host },
    );
    await ready;
    const [one, two] = [...host.querySelectorAll<EPaper>('e-paper')];
    const paper = (el: EPaper) => getComputedStyle(deepQuery(el, 'e-paper-page', '.page')!).backgroundColor;
    expect(paper(one)).to.equal('rgb(255, 250, 240)');
    expect(paper(two)).not.to.equal(paper(one));
    one.openArticle('a1');
    await one.updateComplete;
    expect(one.article).to.equal('a1');
    expect(two.article).to.equal(undefined);
    one.closeArticle();
    await one.updateComplete;
  });

  it('refuses to register a missing class, naming the tag, instead of taking it for registered', () => {
    const defined: string[] = [];
    const registry = { get: () => undefined, define: (name: string) => defined.push(name) } as unknown as CustomElementRegistry;
    expect(() => register(registry, 'e-paper-missing', undefined)).to.throw(TypeError, '<e-paper-missing>');
    expect(defined).to.deep.equal([]);
  });

  it('only warns when the elements are defined twice', async () => {
    await define(); // every part, the lazy ones included
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      // A second copy of the script brings other classes under the same names.
      const registry = {
        get: (name: string) => customElements.get(name),
        define: () => {
          throw new Error('must not define again');
        },
      };
      await define(registry as unknown as CustomElementRegistry);
      await define(); // the same classes again: silently nothing to do
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
    const other = {
      get: () => class extends HTMLElement {},
      define: () => {
        throw new Error('must not define');
      },
    };
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await define(other as unknown as CustomElementRegistry);
    } finally {
      console.warn = original;
    }
    expect(warnings.length).to.be.greaterThan(0);
    expect(String(warnings[0])).to.contain('already defined');
  });

  it('keeps working when moved to another parent', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const ready = nextEvent(host, 'e-paper-ready');
    const el = await fixture<EPaper>(html`<e-paper no-persist style="width: 500px; height: 400px" src=${A1_URL}></e-paper>`, {
      parentNode: host,
    });
    await ready;
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    await el.updateComplete;
    el.openArticle('a4');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!.open).to.equal(true);
    el.closeArticle();
    await el.updateComplete;
    expect(deepQuery(el, 'e-paper-page', '.page')!.getBoundingClientRect().height).to.be.greaterThan(100);
  });

  it('switches every UI string with lang="en"', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const ready = nextEvent(host, 'e-paper-ready');
    const el = await fixture<EPaper>(html`<e-paper no-persist lang="en" style="width: 700px; height: 500px" src=${A1_URL}></e-paper>`, {
      parentNode: host,
    });
    await ready;
    await partsLoaded(el);
    const toolbar = deepQuery(el, 'e-paper-toolbar')!;
    const uiText = [
      ...[...toolbar.shadowRoot!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent),
      el.shadowRoot!.querySelector('e-paper-contents')!.shadowRoot!.textContent,
      el.shadowRoot!.querySelector('.search-toggle')!.textContent,
    ].join(' ');
    expect(deepQuery(el, 'e-paper-viewport')!.getAttribute('aria-label')).to.equal(
      '\u2068株洲日报\u2069, \u2068January 8, 2021\u2069, e-paper edition',
    );
    // No Chinese in the UI chrome (the page's own text stays Chinese).
    expect(uiText).not.to.match(/[\u4e00-\u9fff]/);
    expect(uiText).to.contain('Zoom in');
    expect(uiText).to.contain('Articles');
    expect(uiText).to.contain('Search');
  });
});
