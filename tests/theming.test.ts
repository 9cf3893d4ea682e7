import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { EPaperPage } from '../src/elements/e-paper-page/e-paper-page.js';
import { A1_URL, deepQuery, nextEvent } from './helpers.js';

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    step();
  });

let el: EPaper;
const shadow = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const pageRoot = () => deepQuery(el, 'e-paper-page')!.shadowRoot!;
const readerRoot = () => shadow('e-paper-reader').shadowRoot!;
const style = (node: Element, pseudo?: string) => getComputedStyle(node, pseudo);

async function hover(articleId: string) {
  const shape = pageRoot().querySelector(`.region[data-article-id="${articleId}"] .shape`)!.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(shape.left + shape.width / 2), Math.round(shape.top + shape.height / 2)] });
  await frames();
}

async function openReader(articleId = 'a6') {
  el.openArticle(articleId);
  await el.updateComplete;
  await frames();
}

async function closeReader() {
  el.closeArticle();
  await el.updateComplete;
  await frames();
}

/**
 * Each documented knob: a value to set, and what it must change. `read` returns the computed
 * value the knob drives; the test checks it changes from its default to the expected one.
 */
const KNOBS: Record<
  string,
  { value: string; expected: string | RegExp; read: () => Promise<string> | string; after?: () => Promise<void> }
> = {
  '--e-paper-height': { value: '333px', expected: '333px', read: () => `${el.getBoundingClientRect().height}px` },
  '--e-paper-surface': { value: 'rgb(1, 2, 3)', expected: 'rgb(1, 2, 3)', read: () => style(el).backgroundColor },
  '--e-paper-paper': {
    value: 'rgb(250, 240, 200)',
    expected: 'rgb(250, 240, 200)',
    read: () => style(pageRoot().querySelector('.page')!).backgroundColor,
  },
  '--e-paper-ink': { value: 'rgb(10, 20, 90)', expected: 'rgb(10, 20, 90)', read: () => style(pageRoot().querySelector('.page')!).color },
  '--e-paper-accent': { value: 'rgb(0, 128, 0)', expected: 'rgb(0, 128, 0)', read: () => style(pageRoot().querySelector('.title')!).color },
  '--e-paper-ui-ink': { value: 'rgb(90, 0, 90)', expected: 'rgb(90, 0, 90)', read: () => style(shadow('.viewer')).color },
  '--e-paper-font-ui': { value: 'Georgia', expected: /^Georgia/, read: () => style(shadow('.viewer')).fontFamily },
  '--e-paper-toolbar-bg': {
    value: 'rgb(0, 0, 128)',
    expected: 'rgb(0, 0, 128)',
    read: () => style(deepQuery(el, 'e-paper-toolbar', '[part~="toolbar"]')!).backgroundColor,
  },
  '--e-paper-toolbar-ink': {
    value: 'rgb(255, 200, 0)',
    expected: 'rgb(255, 200, 0)',
    read: () => style(deepQuery(el, 'e-paper-toolbar', '[part~="toolbar"]')!).color,
  },
  '--e-paper-focus': {
    value: 'rgb(255, 0, 255)',
    expected: 'rgb(255, 0, 255)',
    read: async () => {
      const before = document.createElement('button');
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      before.remove();
      return style(active!).outlineColor;
    },
  },
  '--e-paper-region-tint': {
    value: 'rgb(0, 255, 0)',
    expected: 'rgb(0, 255, 0)',
    read: async () => {
      await hover('a2');
      return style(pageRoot().querySelector('.region[data-article-id="a2"] .shape')!).fill;
    },
  },
  '--e-paper-region-outline': {
    value: 'rgb(0, 0, 255)',
    expected: 'rgb(0, 0, 255)',
    read: async () => {
      await hover('a2');
      return style(pageRoot().querySelector('.region[data-article-id="a2"] .shape')!).stroke;
    },
  },
  '--e-paper-region-read-tint': {
    value: 'rgb(200, 200, 0)',
    expected: 'rgb(200, 200, 0)',
    read: async () => {
      const page = deepQuery<EPaperPage>(el, 'e-paper-page')!;
      page.readArticles = new Set(['a9']);
      await page.updateComplete;
      return style(pageRoot().querySelector('.region[data-article-id="a9"] .shape')!).fill;
    },
  },
  '--e-paper-tooltip-bg': {
    value: 'rgb(30, 60, 90)',
    expected: 'rgb(30, 60, 90)',
    read: async () => {
      await hover('a3');
      return style(shadow('e-paper-tooltip').shadowRoot!.querySelector('.tooltip')!).backgroundColor;
    },
  },
  '--e-paper-tooltip-ink': {
    value: 'rgb(255, 255, 0)',
    expected: 'rgb(255, 255, 0)',
    read: async () => {
      await hover('a3');
      return style(shadow('e-paper-tooltip').shadowRoot!.querySelector('.tooltip')!).color;
    },
  },
  '--e-paper-hint-bg': {
    value: 'rgb(0, 100, 0)',
    expected: 'rgb(0, 100, 0)',
    read: () => style(deepQuery(el, 'e-paper-viewport', '[part~="hint"]')!).backgroundColor,
  },
  '--e-paper-hint-ink': {
    value: 'rgb(250, 250, 210)',
    expected: 'rgb(250, 250, 210)',
    read: () => style(deepQuery(el, 'e-paper-viewport', '[part~="hint"]')!).color,
  },
  '--e-paper-reader-width': {
    value: '300px',
    expected: '300px',
    read: async () => {
      await openReader();
      return `${readerRoot().querySelector<HTMLElement>('dialog')!.getBoundingClientRect().width}px`;
    },
    after: closeReader,
  },
  '--e-paper-reader-leading': {
    value: '3',
    expected: /^\d/,
    read: async () => {
      await openReader();
      const p = readerRoot().querySelector('.body p')!;
      return `${parseFloat(style(p).lineHeight) / parseFloat(style(p).fontSize)}`.startsWith('3') ? '3' : style(p).lineHeight;
    },
    after: closeReader,
  },
  '--e-paper-reader-paper': {
    value: 'rgb(240, 255, 240)',
    expected: 'rgb(240, 255, 240)',
    read: async () => {
      await openReader();
      return style(readerRoot().querySelector('dialog')!).backgroundColor;
    },
    after: closeReader,
  },
  '--e-paper-reader-ink': {
    value: 'rgb(60, 0, 0)',
    expected: 'rgb(60, 0, 0)',
    read: async () => {
      await openReader();
      return style(readerRoot().querySelector('dialog')!).color;
    },
    after: closeReader,
  },
  '--e-paper-reader-backdrop': {
    value: 'rgb(0, 0, 100)',
    expected: 'rgb(0, 0, 100)',
    read: async () => {
      await openReader();
      return style(readerRoot().querySelector('dialog')!, '::backdrop').backgroundColor;
    },
    after: closeReader,
  },
  '--e-paper-font-body': {
    value: 'Courier',
    expected: /^Courier/,
    read: async () => {
      await openReader();
      return style(readerRoot().querySelector('.body p')!).fontFamily;
    },
    after: closeReader,
  },
  '--e-paper-font-headline': {
    value: 'Impact',
    expected: /^Impact/,
    read: async () => {
      await openReader();
      return style(readerRoot().querySelector('.headline')!).fontFamily;
    },
    after: closeReader,
  },
};

/** Knobs that only act in the dark theme. */
const DARK_KNOBS: Record<string, { value: string; read: () => Promise<string> }> = {
  '--e-paper-reader-paper-dark': {
    value: 'rgb(5, 5, 40)',
    read: async () => {
      await openReader();
      return style(readerRoot().querySelector('dialog')!).backgroundColor;
    },
  },
  '--e-paper-reader-ink-dark': {
    value: 'rgb(200, 255, 200)',
    read: async () => {
      await openReader();
      return style(readerRoot().querySelector('dialog')!).color;
    },
  },
};

describe('theme knobs: every documented custom property changes what it says', () => {
  // No transitions: the computed colours are read at once.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  beforeEach(async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const ready = nextEvent(host, 'e-paper-ready');
    el = await fixture<EPaper>(html`<e-paper no-persist theme="light" style="width: 700px; height: 560px" src=${A1_URL}></e-paper>`, {
      parentNode: host,
    });
    await ready;
  });
  afterEach(() => resetMouse());

  it('covers every knob the elements document', async () => {
    const sources = [
      'e-paper/e-paper.ts',
      'e-paper-page/e-paper-page.ts',
      'e-paper-reader/e-paper-reader.ts',
      'e-paper-viewport/e-paper-viewport.ts',
      'e-paper-toolbar/e-paper-toolbar.ts',
      'e-paper-tooltip/e-paper-tooltip.ts',
    ];
    const documented = new Set<string>();
    for (const source of sources) {
      const text = await (await fetch(new URL(`../src/elements/${source}`, import.meta.url))).text();
      for (const match of text.matchAll(/@cssprop \[?(--e-paper-[a-z-]+)/g)) documented.add(match[1]);
    }
    const tested = new Set([...Object.keys(KNOBS), ...Object.keys(DARK_KNOBS)]);
    expect(
      [...documented].filter((knob) => !tested.has(knob)),
      'documented but untested',
    ).to.deep.equal([]);
  });

  for (const [knob, { value, expected, read, after }] of Object.entries(KNOBS)) {
    it(knob, async () => {
      if (knob === '--e-paper-height') el.style.removeProperty('height');
      if (knob.startsWith('--e-paper-hint')) {
        // The hint shows when a plain wheel meets the fitted page.
        deepQuery(el, 'e-paper-viewport')!.dispatchEvent(
          new WheelEvent('wheel', { deltaY: 40, bubbles: true, cancelable: true, composed: true }),
        );
        await frames();
      }
      const before = await read();
      await after?.();
      el.style.setProperty(knob, value);
      await frames();
      const now = await read();
      await after?.();
      expect(now, `${knob} (default was ${before})`).to.match(
        expected instanceof RegExp ? expected : new RegExp(`^${expected.replace(/[()]/g, '\\$&')}$`),
      );
      expect(now, `${knob} must differ from its default`).not.to.equal(before);
    });
  }

  for (const [knob, { value, read }] of Object.entries(DARK_KNOBS)) {
    it(`${knob} (dark theme)`, async () => {
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      const before = await read();
      await closeReader();
      el.style.setProperty(knob, value);
      const now = await read();
      await closeReader();
      expect(now).to.equal(value);
      expect(now).not.to.equal(before);
    });
  }
});
