/**
 * UI languages: how a tag resolves, Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant) across the
 * viewer and its parts, never a flash of Simplified text while its module loads, and a language a
 * host page gives with registerStrings. The order matters: the first tests run before this page
 * has loaded the languages module, and registrations (last) stay for the page's life.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { registerStrings, loadStrings, localize } from '../src/i18n/localize.js';
import { builtInLanguage } from '../src/i18n/languages.js';
import { zhHant } from '../src/i18n/zh-hant.js';
import { uiStrings } from '../src/i18n/strings.js';
import { toolbarStrings } from '../src/elements/e-paper-toolbar/toolbar-strings.js';
import { chromeStrings } from '../src/elements/e-paper/chrome-strings.js';
import { readerStrings } from '../src/elements/e-paper-reader/reader-strings.js';
import { searchStrings } from '../src/elements/e-paper-search/e-paper-search-strings.js';
import { pagesStrings } from '../src/elements/e-paper-pages/e-paper-pages-strings.js';
import { archiveStrings } from '../src/elements/e-paper-archive/e-paper-archive-strings.js';
import { multiPageEdition } from '../scripts/editions-from-a1.js';
import { A1_URL, loadA1, mountViewer, nextEvent, until } from './helpers.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };
const ARCHIVE = '/fixtures/archive.json?days=30&last=2021-01-08';

/** Every text node, label, title and placeholder under `root`, through the shadow roots (any realm). */
function shown(root: Node): Set<string> {
  const values = new Set<string>();
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) values.add(node.textContent!.trim());
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      for (const name of ['aria-label', 'title', 'placeholder']) if (element.getAttribute(name)) values.add(element.getAttribute(name)!);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return values;
}

/** The strings (not the functions) of a set of UI strings, at any depth. */
const leaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];

/**
 * The Simplified Chinese UI strings that Traditional Chinese words differently (搜索, 正在载入版面…
 * …), from the modules themselves, without loading the Traditional ones through the viewer's way.
 */
function simplifiedOnly(): Set<string> {
  const simplified = leaves([
    uiStrings('zh-CN'),
    toolbarStrings('zh-CN'),
    chromeStrings('zh-CN'),
    readerStrings('zh-CN'),
    searchStrings('zh-CN'),
    pagesStrings('zh-CN'),
    archiveStrings('zh-CN'),
  ]);
  const traditional = new Set(leaves(zhHant));
  return new Set(simplified.filter((text) => !traditional.has(text)));
}

/** Snapshots of what `el` shows at every change in its shadow roots, until `stop` resolves. */
function record(el: Element, stop: Promise<unknown>): Promise<Set<string>[]> {
  const snapshots: Set<string>[] = [];
  const observed = new Set<Node>();
  const Observer = (el.ownerDocument.defaultView as unknown as typeof globalThis).MutationObserver;
  const observer = new Observer(() => {
    snapshots.push(shown(el));
    observeAll(el);
  });
  const observeAll = (node: Node) => {
    const element = node as Element;
    if (element.shadowRoot && !observed.has(element.shadowRoot)) {
      observed.add(element.shadowRoot);
      observer.observe(element.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    (element.shadowRoot ?? node).childNodes.forEach(observeAll);
    if (element.shadowRoot) node.childNodes.forEach(observeAll);
  };
  observeAll(el);
  return stop.then(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    snapshots.push(shown(el));
    return snapshots;
  });
}

const noneOf = (snapshots: Set<string>[], forbidden: Set<string>) => snapshots.flatMap((s) => [...s].filter((text) => forbidden.has(text)));

/** The words of the list's clear button, read while the list was open. */
const listWords = new WeakMap<EPaper, string>();

/**
 * A 4-page viewer in `lang` with every part on show: the archive picker, the page strip, the
 * search and the reader (article a2).
 */
async function mountWithEveryPart(lang: string): Promise<EPaper> {
  const edition = multiPageEdition(await loadA1(), 4, { fontBase: A1_URL });
  const el = await mountViewer<EPaper>((e) => {
    e.lang = lang;
    e.archive = ARCHIVE;
    e.edition = edition;
  });
  await until(() => !!el.shadowRoot!.querySelector('e-paper-archive')?.shadowRoot?.querySelector('.date'), 'the archive picker');
  await until(() => !!el.shadowRoot!.querySelector('e-paper-pages')?.shadowRoot?.querySelector('nav'), 'the page strip');
  el.shadowRoot!.querySelector<HTMLButtonElement>('.search-toggle')!.click();
  await until(() => !!el.shadowRoot!.querySelector('e-paper-search')?.shadowRoot?.querySelector('input'), 'the search');
  // The list, for its own words (clearing the reading history is at its foot): read, then closed again.
  const list = el.shadowRoot!.querySelector('e-paper-contents')!.shadowRoot!;
  list.querySelector<HTMLButtonElement>('.toggle')!.click();
  await until(() => !!list.querySelector('[part~="contents-clear"]'), 'the list');
  listWords.set(el, list.querySelector('[part~="contents-clear"]')!.textContent!.trim());
  list.querySelector<HTMLButtonElement>('.toggle')!.click();
  el.openArticle('a2');
  await el.updateComplete;
  await (el.shadowRoot!.querySelector('e-paper-reader') as Updating).updateComplete;
  return el;
}

/** A page of its own (its modules, the languages' among them, not loaded yet), with <e-paper> defined. */
async function freshPage(): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 640px; border: 0';
  frame.srcdoc = `<!doctype html><body style="margin:0"><script type="module">import '/src/index.ts'; window.defined = true;</script></body>`;
  document.body.append(frame);
  await until(() => (frame.contentWindow as unknown as { defined?: boolean }).defined === true, 'the frame defined <e-paper>');
  return { frame, doc: frame.contentDocument! };
}

/** A viewer of A1 in `lang`, made in `doc` (not yet in it). */
function viewerIn(doc: Document, lang: string): EPaper {
  const el = doc.createElement('e-paper') as EPaper;
  el.style.cssText = 'display: block; width: 900px; height: 640px';
  el.noPersist = true;
  el.lang = lang;
  el.src = A1_URL;
  return el;
}

describe('UI languages', () => {
  it('resolve: Traditional for zh-Hant and Chinese of Taiwan, Hong Kong, Macao; Simplified for other Chinese; English otherwise', () => {
    const cases: Record<string, string> = {
      'zh-TW': 'zh-Hant',
      'zh-HK': 'zh-Hant',
      'zh-MO': 'zh-Hant',
      'zh-Hant': 'zh-Hant',
      'zh-hant-tw': 'zh-Hant',
      'ZH-HK': 'zh-Hant',
      'zh-yue-HK': 'zh-Hant',
      'zh-Hans-HK': 'zh-CN',
      'zh-CN': 'zh-CN',
      zh: 'zh-CN',
      'zh-SG': 'zh-CN',
      'zh-Hans': 'zh-CN',
      '': 'zh-CN',
      en: 'en',
      'en-US': 'en',
      ja: 'en',
      fr: 'en',
    };
    for (const [tag, language] of Object.entries(cases)) expect(builtInLanguage(tag), tag).to.equal(language);
    expect(builtInLanguage(undefined)).to.equal('zh-CN');
  });

  it('a change of lang to zh-HK shows Traditional strings once they load, never Simplified ones meanwhile', async () => {
    const forbidden = simplifiedOnly();
    const el = await mountViewer<EPaper>((e) => {
      e.lang = 'en';
      e.src = A1_URL;
    });
    // English needs nothing beyond the first render's module; Traditional Chinese is not loaded yet.
    expect(loadStrings('en'), 'English, loaded before the viewer rendered, needs nothing more').to.equal(undefined);
    expect(chromeStrings('zh-HK').search, 'Simplified Chinese stands in until then').to.equal(chromeStrings('zh-CN').search);
    el.lang = 'zh-HK';
    const snapshots = record(
      el,
      until(() => shown(el).has(zhHant.viewer.search), 'the Traditional search button'),
    );
    const seen = await snapshots;
    expect(noneOf(seen, forbidden), 'Simplified strings shown').to.deep.equal([]);
    expect(seen.at(-1)!.has(zhHant.toolbar.zoomIn), 'the toolbar too').to.equal(true);
    el.remove();
  });

  it("zh-CN: the first render's words at once (a page of its own); the toolbar's and the chrome's with their parts, after ready", async () => {
    const { frame, doc } = await freshPage();
    const el = viewerIn(doc, 'zh-CN');
    const ready = nextEvent(el, 'e-paper-ready');
    doc.body.append(el);
    // The loading word is in the first render's own strings: shown while the edition loads.
    const seen = await record(el, ready);
    expect(
      seen.some((texts) => texts.has(uiStrings('zh-CN').loading)),
      'loading, in the first render',
    ).to.equal(true);
    const words = [toolbarStrings('zh-CN').zoomIn, chromeStrings('zh-CN').search, chromeStrings('zh-CN').contents];
    await until(() => words.every((word) => shown(el).has(word)), "the toolbar's and the chrome's words in zh-CN");
    expect(words).to.deep.equal(['放大', '搜索', '标题导航']);
    frame.remove();
  });

  it('a first render in zh-TW says nothing in Simplified Chinese while its strings load (a page of its own)', async () => {
    const forbidden = simplifiedOnly();
    const { frame, doc } = await freshPage();
    const el = viewerIn(doc, 'zh-TW');
    const ready = nextEvent(el, 'e-paper-ready');
    doc.body.append(el);
    const seen = await record(el, ready);
    expect(seen.length, 'renders observed').to.be.above(1);
    expect(noneOf(seen, forbidden), 'Simplified strings shown').to.deep.equal([]);
    expect(
      seen.some((s) => s.has(zhHant.loading)),
      'the loading message in Traditional Chinese',
    ).to.equal(true);
    expect(seen.at(-1)!.has(zhHant.viewer.search)).to.equal(true);
    frame.remove();
  });

  it('a first render in English says nothing in Chinese while its strings load, and fetches no other language (a page of its own)', async () => {
    const chinese = new Set(leaves([uiStrings('zh-CN'), toolbarStrings('zh-CN'), chromeStrings('zh-CN')]));
    const { frame, doc } = await freshPage();
    const fetched = () =>
      frame
        .contentWindow!.performance.getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => /\/i18n\/(en|languages|zh-hant)\.ts$/.test(path));
    expect(fetched(), 'no strings module before a viewer asks').to.deep.equal([]);
    const { en } = await import('../src/i18n/en.js');
    const el = viewerIn(doc, 'en');
    // The toolbar comes with the chrome part after ready: record until it shows.
    const toolbarShown = nextEvent(el, 'e-paper-ready').then(() =>
      until(() => shown(el).has(toolbarStrings('en').zoomIn), 'the English toolbar'),
    );
    doc.body.append(el);
    const seen = await record(el, toolbarShown);
    expect(seen.length, 'renders observed').to.be.above(1);
    expect(noneOf(seen, chinese), 'Chinese UI strings shown').to.deep.equal([]);
    expect(
      seen.some((s) => s.has(en.loading)),
      'the loading message in English',
    ).to.equal(true);
    expect(seen.at(-1)!.has(toolbarStrings('en').zoomIn), 'the toolbar in English').to.equal(true);
    expect(fetched(), 'the English strings alone').to.deep.equal(['/src/i18n/en.ts']);
    frame.remove();
  });

  for (const lang of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant']) {
    it(`${lang}: Traditional strings in the viewer, the toolbar, the page strip, the archive picker, the search and the reader`, async () => {
      const forbidden = simplifiedOnly();
      const el = await mountWithEveryPart(lang);

      const texts = shown(el);
      texts.add(listWords.get(el)!);
      const expected = [
        zhHant.viewer.search, // the toolbar's search button
        zhHant.viewer.clearHistory,
        zhHant.viewer.editionContents, // the list of the edition's pages
        zhHant.toolbar.zoomIn,
        zhHant.toolbar.fitWidth,
        zhHant.pages.label, // the page strip
        zhHant.archive.previous, // the archive picker
        zhHant.archive.choose,
        zhHant.search.label, // the search field
        zhHant.search.close,
        zhHant.reader.close, // the reader
        zhHant.reader.textSize,
        zhHant.reader.copyLink,
      ];
      for (const text of expected) expect(texts.has(text), `${lang} shows ${text}`).to.equal(true);
      expect(noneOf([texts], forbidden), 'Simplified strings shown').to.deep.equal([]);
      // The date in the Traditional way of its region (週, not 周).
      const date = el.shadowRoot!.querySelector('e-paper-archive')!.shadowRoot!.querySelector('.date')!.textContent!;
      expect(date).to.contain('2021年1月8日');
      expect(date).not.to.contain('周');
      el.remove();
    });
  }

  it('a language a host page gives (registerStrings): its strings, the rest from the closest built-in language', async () => {
    registerStrings('ja', {
      loading: '読み込み中…',
      toolbar: { zoomIn: '拡大', zoomOut: '縮小', pageOf: (label, index, count) => `${label} 面（${index}/${count}）` },
      viewer: { search: '検索' },
      reader: { close: '閉じる' },
      search: { label: 'この号を検索' },
      pages: { label: '紙面' },
      archive: { choose: '日付を選ぶ' },
    });
    // A second call adds to the first; a more specific tag (ja-JP) adds to the language's.
    registerStrings('ja', { viewer: { clearHistory: '閲覧履歴を消去' } });
    registerStrings('ja-JP', { reader: { textSize: '文字サイズ' } });
    const el = await mountWithEveryPart('ja-JP');
    const texts = shown(el);
    texts.add(listWords.get(el)!);
    for (const text of ['拡大', '縮小', '検索', '閲覧履歴を消去', '紙面', '日付を選ぶ', 'この号を検索', '閉じる', '文字サイズ']) {
      expect(texts.has(text), `the host's ${text}`).to.equal(true);
    }
    // What the host did not give comes from English, the built-in language for Japanese.
    for (const text of ['Fit width', 'Previous edition', 'Close search', 'Copy link'])
      expect(texts.has(text), `the fallback ${text}`).to.equal(true);
    // A function the host gave, and dates in Japanese through Intl.
    expect(toolbarStrings('ja').pageOf('A2', 2, 4)).to.equal('A2 面（2/4）');
    expect(el.shadowRoot!.querySelector('e-paper-archive')!.shadowRoot!.querySelector('.date')!.textContent).to.contain('金曜日');
    // The registrations stay with their tags: Japanese itself has no ja-JP reader string.
    expect(readerStrings('ja').textSize).to.equal('Text size');
    el.remove();
  });

  it('a host can override built-in strings, for one region only (zh-HK, not zh-TW), and register after the Traditional ones loaded', () => {
    registerStrings('zh-HK', { errors: { network: '網絡連線失敗，請稍後再試。' }, archive: { loading: '正在載入…' } });
    expect(uiStrings('zh-HK').errors.network).to.equal('網絡連線失敗，請稍後再試。');
    expect(uiStrings('zh-HK').errors.timeout, 'the rest Traditional').to.equal(zhHant.errors.timeout);
    expect(uiStrings('zh-TW').errors.network).to.equal(zhHant.errors.network);
    expect(archiveStrings('zh-HK').loading).to.equal('正在載入…');
    expect(archiveStrings('zh-HK').previous).to.equal(zhHant.archive.previous);
    // The parts' own sets merge the same way.
    expect(localize('zh-HK', 'pages', { label: 'zh' }, { label: 'en' })).to.deep.equal(zhHant.pages);
  });
});
