/**
 * The viewer's UI language without a `lang` of its own: the nearest ancestor's (the host page's),
 * else the edition's, else the browser's (if Chinese or English), else zh-CN; its own attribute
 * first, and a later change, its own or an ancestor's, switches at once.
 * Each case in a page of its own (an iframe), so that the English strings are not loaded yet and
 * the page's `<html lang>` is the case's.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { Edition } from '../src/edition/schema.js';
import type { StringsOverride } from '../src/i18n/localize.js';
import { uiStrings } from '../src/i18n/strings.js';
import { en } from '../src/i18n/en.js';
import { toolbarStrings } from '../src/elements/e-paper-toolbar/toolbar-strings.js';
import { chromeStrings } from '../src/elements/e-paper/chrome-strings.js';
import { zhHant } from '../src/i18n/zh-hant.js';
import { A1_URL, loadA1, nextEvent, until } from './helpers.js';

/**
 * A page of its own with `<html lang=…>` (none for `undefined`) and `body` (HTML), <e-paper> defined;
 * its browser's preferred languages are `languages` (the test browser's, zh-CN, unless given), and
 * its site registers `registered` (`registerStrings`) before any viewer renders.
 */
async function pageWith(
  lang: string | undefined,
  body = '',
  languages?: string[],
  registered: [string, StringsOverride][] = [],
): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 640px; border: 0';
  // The browser's setting as a reader's browser gives it: navigator.languages, set before the viewer's module runs.
  const browser = languages
    ? `<script>Object.defineProperty(navigator, 'languages', { value: ${JSON.stringify(languages)} });</script>`
    : '';
  frame.srcdoc = `<!doctype html><html${lang === undefined ? '' : ` lang="${lang}"`}><body style="margin:0">${body}${browser}<script type="module">import { registerStrings } from '/src/index.ts'; for (const [tag, strings] of ${JSON.stringify(registered)}) registerStrings(tag, strings); window.defined = true;</script></body></html>`;
  document.body.append(frame);
  await until(() => (frame.contentWindow as unknown as { defined?: boolean }).defined === true, 'the frame defined <e-paper>');
  return { frame, doc: frame.contentDocument! };
}

/** A viewer (no `lang` unless given), not yet in the page, of A1 or of `edition`. */
function viewerIn(doc: Document, { lang, edition }: { lang?: string; edition?: Edition } = {}): EPaper {
  const el = doc.createElement('e-paper') as EPaper;
  el.style.cssText = 'display: block; width: 900px; height: 640px';
  el.noPersist = true;
  if (lang !== undefined) el.setAttribute('lang', lang);
  if (edition) el.edition = edition;
  else el.src = A1_URL;
  return el;
}

/** Every text and accessible name in the viewer's shadow roots. */
function shown(root: Node): Set<string> {
  const values = new Set<string>();
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) values.add(node.textContent!.trim());
    if (node.nodeType === Node.ELEMENT_NODE) {
      const label = (node as Element).getAttribute('aria-label');
      if (label) values.add(label);
      if ((node as Element).shadowRoot) walk((node as Element).shadowRoot!);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return values;
}

/** What the viewer shows at each change of its shadow root (and once at the end), until `stop`. */
function record(el: Element, stop: Promise<unknown>): Promise<Set<string>[]> {
  const snapshots: Set<string>[] = [];
  const Observer = (el.ownerDocument.defaultView as unknown as typeof globalThis).MutationObserver;
  const observer = new Observer(() => snapshots.push(shown(el)));
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  return stop.then(() => {
    observer.disconnect();
    snapshots.push(shown(el));
    return snapshots;
  });
}

const leaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];
const CHINESE = new Set(leaves([uiStrings('zh-CN'), toolbarStrings('zh-CN'), chromeStrings('zh-CN')]));
const chineseIn = (snapshots: Set<string>[]) => snapshots.flatMap((s) => [...s].filter((text) => CHINESE.has(text)));
/** A1 in another language (its text is still Chinese: only the tag differs), its fonts where A1's are. */
async function a1In(lang: string): Promise<Edition> {
  const a1 = await loadA1();
  return { ...a1, lang, fonts: a1.fonts?.map((font) => ({ ...font, src: new URL(font.src, A1_URL).href })) };
}
/** The toolbar's zoom-in button, once the toolbar has come with the chrome part (after ready). */
const toolbarZoomIn = (el: EPaper) =>
  el.shadowRoot!.querySelector('e-paper-toolbar')?.shadowRoot?.querySelector('[part~="zoom-in"]') ?? null;
async function landedZoomIn(el: EPaper): Promise<Element> {
  await until(() => toolbarZoomIn(el) !== null, 'the toolbar, after ready');
  return toolbarZoomIn(el)!;
}

/** Puts `el` in `doc` and checks that it speaks English from its first render to its toolbar, never Chinese. */
async function expectEnglishThroughout(el: EPaper, doc: Document): Promise<void> {
  const ready = nextEvent(el, 'e-paper-ready');
  doc.body.append(el);
  const seen = await record(el, ready);
  expect(chineseIn(seen), 'Chinese UI strings shown').to.deep.equal([]);
  expect(
    seen.some((s) => s.has(en.loading)),
    'the loading message in English',
  ).to.equal(true);
  expect((await landedZoomIn(el)).getAttribute('aria-label')).to.equal(toolbarStrings('en').zoomIn);
}

describe('UI language without a lang of its own', () => {
  it('follows the host page’s <html lang="en">: English from the first render, never Chinese, the attribute left unset', async () => {
    const { frame, doc } = await pageWith('en');
    const el = viewerIn(doc);
    await expectEnglishThroughout(el, doc);
    expect(el.lang, 'the language in use').to.equal('en');
    expect(el.hasAttribute('lang'), 'the host page’s attribute is not copied onto the element').to.equal(false);
    expect(el.shadowRoot!.querySelector('.viewer')!.getAttribute('lang'), 'its shadow content says its language').to.equal('en');
    frame.remove();
  });

  it('takes the nearest ancestor’s lang, across a shadow root, over the page’s', async () => {
    const { frame, doc } = await pageWith('en', '<section lang="zh-TW"><div id="host"></div></section>');
    // Inside a host element's shadow root whose own host says zh-TW, under an English page.
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    const el = viewerIn(doc);
    const ready = nextEvent(el, 'e-paper-ready');
    shadow.append(el);
    await ready;
    await el.updateComplete;
    expect(el.lang).to.equal('zh-TW');
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === zhHant.toolbar.zoomIn, 'the toolbar in Traditional Chinese');
    frame.remove();
  });

  it('takes the edition’s language on a page without any lang (English for an English edition, before it shows)', async () => {
    const { frame, doc } = await pageWith(undefined);
    const edition = await a1In('en');
    const el = viewerIn(doc, { edition });
    const ready = nextEvent(el, 'e-paper-ready');
    doc.body.append(el);
    await ready;
    expect(el.lang).to.equal('en');
    expect((await landedZoomIn(el)).getAttribute('aria-label'), 'the toolbar as it lands').to.equal(toolbarStrings('en').zoomIn);
    expect(el.shadowRoot!.querySelector('.viewer')!.getAttribute('lang')).to.equal('en');
    frame.remove();
  });

  it('is zh-CN with no lang anywhere and a Chinese edition', async () => {
    const { frame, doc } = await pageWith(undefined);
    const el = viewerIn(doc);
    const ready = nextEvent(el, 'e-paper-ready');
    doc.body.append(el);
    await ready;
    expect(el.lang).to.equal('zh-CN');
    expect((await landedZoomIn(el)).getAttribute('aria-label')).to.equal(toolbarStrings('zh-CN').zoomIn);
    frame.remove();
  });

  it('its own lang wins over the page’s; removing it follows the page; setting the property sets the attribute', async () => {
    const { frame, doc } = await pageWith('en');
    const el = viewerIn(doc, { lang: 'zh-CN', edition: await a1In('zh-TW') });
    const ready = nextEvent(el, 'e-paper-ready');
    doc.body.append(el);
    await ready;
    expect((await landedZoomIn(el)).getAttribute('aria-label')).to.equal(toolbarStrings('zh-CN').zoomIn);
    el.removeAttribute('lang');
    await until(
      () => toolbarZoomIn(el)?.getAttribute('aria-label') === toolbarStrings('en').zoomIn,
      'English, the page’s, once the attribute is gone',
    );
    expect(el.lang).to.equal('en');
    el.lang = 'zh-HK';
    expect(el.getAttribute('lang'), 'the property sets the attribute').to.equal('zh-HK');
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === zhHant.toolbar.zoomIn, 'Traditional Chinese once lang is set');
    expect(el.shadowRoot!.querySelector('.viewer')!.getAttribute('lang')).to.equal('zh-HK');
    frame.remove();
  });
});

describe('UI language from the browser, before the edition is known', () => {
  it('an English edition on an English browser, no lang anywhere: English from the first render, never Chinese', async () => {
    const { frame, doc } = await pageWith(undefined, '', ['en-US', 'en']);
    const el = viewerIn(doc, { edition: await a1In('en') });
    await expectEnglishThroughout(el, doc);
    frame.remove();
  });

  it('takes the first preferred language it has strings for (fr-FR skipped), until the edition’s language is known', async () => {
    const { frame, doc } = await pageWith(undefined, '', ['fr-FR', 'en-GB', 'zh-CN']);
    const el = viewerIn(doc);
    const ready = nextEvent(el, 'e-paper-ready');
    doc.body.append(el);
    expect(el.lang, 'before the edition').to.equal('en-GB');
    const seen = await record(el, ready);
    expect(
      seen.some((s) => s.has(en.loading)),
      'the loading message in English',
    ).to.equal(true);
    // A1 says zh-CN: the edition's language wins once known.
    expect(el.lang, 'once the edition is known').to.equal('zh-CN');
    expect((await landedZoomIn(el)).getAttribute('aria-label')).to.equal(toolbarStrings('zh-CN').zoomIn);
    frame.remove();
  });

  /** What a site registers for Japanese (`registerStrings`): the loading message. */
  const JAPANESE_LOADING = '紙面を読み込み中…';
  const cases: [string[], string, string, [string, StringsOverride][]][] = [
    [['zh-TW', 'en'], 'zh-TW', zhHant.loading, []],
    [['fr-FR', 'ja'], 'zh-CN', uiStrings('zh-CN').loading, []],
    // A language the site registered counts as one the viewer has strings for, a more specific tag too.
    [['fr-FR', 'ja-JP', 'en'], 'ja-JP', JAPANESE_LOADING, [['ja', { loading: JAPANESE_LOADING }]]],
    // A registered tag more specific than the browser's (ja-JP for ja) does not match it.
    [['ja', 'en-GB'], 'en-GB', en.loading, [['ja-JP', { loading: JAPANESE_LOADING }]]],
  ];
  for (const [languages, lang, loading, registered] of cases) {
    const given = registered.map(([tag]) => tag).join(', ');
    it(`a browser in ${languages.join(', ')}${given ? `, a site that registered ${given}` : ''}: ${lang} before the edition`, async () => {
      const { frame, doc } = await pageWith(undefined, '', languages, registered);
      const el = viewerIn(doc);
      const ready = nextEvent(el, 'e-paper-ready');
      doc.body.append(el);
      expect(el.lang).to.equal(lang);
      const seen = await record(el, ready);
      expect(
        seen.some((s) => s.has(loading)),
        `the loading message in ${lang}`,
      ).to.equal(true);
      frame.remove();
    });
  }
});

describe('UI language: a host page that changes its lang', () => {
  it('an SPA’s switch of <html lang> changes the UI at once, and back; removed, the edition’s language', async () => {
    const { frame, doc } = await pageWith('zh-CN');
    const el = viewerIn(doc, { edition: await a1In('zh-TW') });
    const ready = nextEvent(el, 'e-paper-ready');
    doc.body.append(el);
    await ready;
    expect((await landedZoomIn(el)).getAttribute('aria-label')).to.equal(toolbarStrings('zh-CN').zoomIn);
    doc.documentElement.lang = 'en';
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === toolbarStrings('en').zoomIn, 'the toolbar in English');
    expect(el.shadowRoot!.querySelector('.viewer')!.getAttribute('lang')).to.equal('en');
    doc.documentElement.lang = 'zh-CN';
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === toolbarStrings('zh-CN').zoomIn, 'back in Chinese');
    doc.documentElement.removeAttribute('lang');
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === zhHant.toolbar.zoomIn, 'the edition’s zh-TW');
    expect(el.lang).to.equal('zh-TW');
    frame.remove();
  });

  it('a nearer ancestor’s lang, across a shadow root, removed: the page’s, then the page’s change too', async () => {
    const { frame, doc } = await pageWith('en', '<section lang="zh-TW"><div id="host"></div></section>');
    const section = doc.querySelector('section')!;
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    const el = viewerIn(doc);
    const ready = nextEvent(el, 'e-paper-ready');
    shadow.append(el);
    await ready;
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === zhHant.toolbar.zoomIn, 'Traditional Chinese, the section’s');
    section.lang = 'zh-CN';
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === toolbarStrings('zh-CN').zoomIn, 'the section’s new zh-CN');
    section.removeAttribute('lang');
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === toolbarStrings('en').zoomIn, 'the page’s English');
    doc.documentElement.lang = 'zh-HK';
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === zhHant.toolbar.zoomIn, 'the page’s new zh-HK');
    frame.remove();
  });

  it('a lang set later on an element nearer than the page’s (an SPA’s section) switches at once, and its removal back', async () => {
    const { frame, doc } = await pageWith('zh-CN', '<main><section><div id="host"></div></section></main>');
    const section = doc.querySelector('section')!;
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    const wrapper = doc.createElement('div');
    shadow.append(wrapper);
    const el = viewerIn(doc);
    const ready = nextEvent(el, 'e-paper-ready');
    wrapper.append(el);
    await ready;
    expect((await landedZoomIn(el)).getAttribute('aria-label')).to.equal(toolbarStrings('zh-CN').zoomIn);
    section.lang = 'en';
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === toolbarStrings('en').zoomIn, 'the section’s English');
    // Nearer still, inside the shadow root: it wins over the section's.
    wrapper.lang = 'zh-TW';
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === zhHant.toolbar.zoomIn, 'the wrapper’s zh-TW');
    wrapper.removeAttribute('lang');
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === toolbarStrings('en').zoomIn, 'the section’s English again');
    section.removeAttribute('lang');
    await until(() => toolbarZoomIn(el)?.getAttribute('aria-label') === toolbarStrings('zh-CN').zoomIn, 'the page’s zh-CN');
    expect(el.lang).to.equal('zh-CN');
    frame.remove();
  });

  it('observes only while connected: a removed viewer is not rendered by the page’s change; put back, it is', async () => {
    const { frame, doc } = await pageWith('zh-CN');
    const el = viewerIn(doc);
    const ready = nextEvent(el, 'e-paper-ready');
    doc.body.append(el);
    await ready;
    await el.updateComplete;
    let requests = 0;
    const request = el.requestUpdate.bind(el);
    // Counts the updates asked for (Lit asks through this method for every change).
    el.requestUpdate = (...args: Parameters<EPaper['requestUpdate']>) => {
      requests++;
      request(...args);
    };
    const macrotask = () => new Promise((resolve) => setTimeout(resolve));
    doc.documentElement.lang = 'en';
    await macrotask();
    expect(requests, 'connected: the change renders it').to.be.greaterThan(0);
    el.remove();
    requests = 0;
    doc.documentElement.lang = 'zh-TW';
    await macrotask();
    expect(requests, 'removed: nothing observed').to.equal(0);
    doc.body.append(el);
    doc.documentElement.lang = 'en';
    await macrotask();
    expect(requests, 'put back: observed again').to.be.greaterThan(0);
    frame.remove();
  });
});
