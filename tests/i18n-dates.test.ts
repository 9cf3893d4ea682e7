/**
 * The edition's date in the viewer's accessible name: written by hand in the built-in Chinese
 * languages, exactly as ICU writes it, because a page's first `Intl.DateTimeFormat` loads its
 * locale's data (20–40 ms on the bench's machine) and the name is in the first render. (English
 * still asks ICU: month names by hand would cost its strings module 0.13 kB.)
 */
import { expect } from '@open-wc/testing';
import { writtenDate } from '../src/i18n/strings.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { A1_URL, nextEvent, until } from './helpers.js';

const DATES = ['2021-01-08', '2021-12-31', '2024-02-29', '1999-10-01', '0999-07-04'];
const icu = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));

/** A page of its own (a realm whose Intl nothing has used), with the viewer's modules loaded. */
async function freshPage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 640px; border: 0';
  frame.srcdoc = `<!doctype html><body style="margin:0"><script type="module">import '/src/index.ts'; window.defined = true;</script></body>`;
  document.body.append(frame);
  await until(() => (frame.contentWindow as unknown as { defined?: boolean }).defined === true, 'the frame defined <e-paper>');
  return frame;
}

describe('written dates', () => {
  it('zh-CN and zh-Hant by hand, as ICU writes them', () => {
    for (const iso of DATES) {
      expect(writtenDate(iso, 'zh-CN'), iso).to.equal(icu('zh-CN', iso));
      expect(writtenDate(iso, 'zh-Hant'), iso).to.equal(icu('zh-Hant', iso));
    }
    // Another language is ICU's; what is no date stays as it is.
    expect(writtenDate('2021-01-08', 'de')).to.equal(icu('de', '2021-01-08'));
    for (const text of ['2021-13-01', 'soon', '']) {
      expect(writtenDate(text, 'zh-CN')).to.equal(text);
    }
  });

  for (const lang of ['zh-CN', 'zh-TW']) {
    it(`a first render in ${lang} makes no Intl.DateTimeFormat before e-paper-ready, and names the date (a page of its own)`, async () => {
      const frame = await freshPage();
      const win = frame.contentWindow as Window & typeof globalThis;
      const made: string[] = [];
      const Original = win.Intl.DateTimeFormat;
      win.Intl.DateTimeFormat = new Proxy(Original, {
        construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          made.push(String(args[0]));
          return new target(...args);
        },
      });
      try {
        const el = frame.contentDocument!.createElement('e-paper') as EPaper;
        el.style.cssText = 'display: block; width: 900px; height: 640px';
        el.noPersist = true;
        el.lang = lang;
        el.src = A1_URL;
        const ready = nextEvent(el, 'e-paper-ready');
        frame.contentDocument!.body.append(el);
        await ready;
        expect(made, 'DateTimeFormats made before ready').to.deep.equal([]);
        const label = el.shadowRoot!.querySelector('[aria-label*="2021"]')!.getAttribute('aria-label')!;
        expect(label).to.contain('2021年1月8日');
      } finally {
        win.Intl.DateTimeFormat = Original;
        frame.remove();
      }
    });
  }
});
