import { expect } from '@open-wc/testing';
import { emulateMedia, sendMouse } from '@web/test-runner-commands';
import decodeQR from 'qr/decode.js';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import type { EPaperShare } from '../../../src/elements/e-paper-share/e-paper-share.js';
import type { Edition } from '../../../src/edition/schema.js';
import { A1_URL, deepQuery, loadA1, mountViewer, until } from '../../helpers.js';

const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader')!;
const inReader = <T extends Element = HTMLElement>(el: EPaper, selector: string) =>
  readerOf(el).shadowRoot!.querySelector<T & Element>(selector);
const shareOf = (el: EPaper) => inReader<EPaperShare>(el, 'e-paper-share');

async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** A viewer with article `id` open in the reader. */
async function viewerWith(id: string, edition?: Edition): Promise<EPaper> {
  const el = await mountViewer<EPaper>((v) => (edition ? (v.edition = edition) : (v.src = A1_URL)), { width: 1000, height: 700 });
  el.openArticle(id);
  await el.updateComplete;
  await until(() => inReader(el, '.copy') !== null, 'the reader is shown');
  return el;
}

/** Opens the share panel and waits for its part. */
async function openPanel(el: EPaper): Promise<EPaperShare> {
  await click(inReader(el, '.more')!);
  await until(() => shareOf(el)?.shadowRoot?.querySelector('.print-article') != null, 'the share panel is shown');
  return shareOf(el)!;
}

const own = (object: object, key: string) => Object.getOwnPropertyDescriptor(object, key);
const savedShare = own(Navigator.prototype, 'share');
const savedClipboard = own(Navigator.prototype, 'clipboard');
const savedPrint = own(window, 'print');

afterEach(async () => {
  delete (navigator as { share?: unknown }).share;
  delete (navigator as { clipboard?: unknown }).clipboard;
  if (savedPrint) Object.defineProperty(window, 'print', savedPrint);
  await emulateMedia({ media: 'screen' });
  for (const el of document.querySelectorAll('e-paper, .host-content')) el.remove();
});

after(() => {
  if (savedShare) Object.defineProperty(Navigator.prototype, 'share', savedShare);
  if (savedClipboard) Object.defineProperty(Navigator.prototype, 'clipboard', savedClipboard);
});

describe('sharing an article', () => {
  it('goes through the system’s share sheet (Web Share) where there is one', async () => {
    const shared: ShareData[] = [];
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    const el = await viewerWith('a3');
    const button = inReader(el, '.copy')!;
    expect(button.textContent!.trim()).to.equal('分享');
    await click(button);
    await until(() => shared.length > 0, 'shared');
    const url = new URL(shared[0].url!);
    expect(url.hash).to.equal('#article=a3');
    expect(url.pathname).to.equal(location.pathname);
    expect(shared[0].title).to.equal((await loadA1()).articles.find((a) => a.id === 'a3')!.headline);
  });

  it('does nothing more when the reader cancels the share sheet', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async () => {
        throw new DOMException('cancelled', 'AbortError');
      },
    });
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    const el = await viewerWith('a3');
    await click(inReader(el, '.copy')!);
    await readerOf(el).updateComplete;
    expect(copied).to.deep.equal([]);
    expect(inReader(el, '.toast')!.textContent).to.equal('');
  });

  it('copies the article’s link, and says so, where there is no share sheet', async () => {
    Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    const el = await viewerWith('a5');
    const button = inReader(el, '.copy')!;
    expect(button.textContent!.trim()).to.equal('复制链接');
    await click(button);
    await until(() => copied.length > 0, 'copied');
    expect(new URL(copied[0]).hash).to.equal('#article=a5');
    await until(() => inReader(el, '.toast')!.textContent === '已复制链接', 'the status says so');
  });
});

describe('the share panel', () => {
  it('shows a QR code that decodes to the article’s link', async () => {
    const el = await viewerWith('a1');
    const panel = await openPanel(el);
    expect(inReader(el, '.more')!.getAttribute('aria-expanded')).to.equal('true');
    const svg = panel.shadowRoot!.querySelector<SVGSVGElement>('[part~="qr"]')!;
    const box = svg.getBoundingClientRect();
    expect(box.width).to.be.within(120, 160);
    expect(box.height).to.equal(box.width);
    expect(svg.getAttribute('aria-label')).to.contain('风补基金');
    // Drawn as a scanner sees it: the SVG as an image, 4 px a module.
    const size = Number(svg.viewBox.baseVal.width);
    const image = new Image();
    image.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size * 4;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    const text = decodeQR({ width: pixels.width, height: pixels.height, data: pixels.data });
    expect(text).to.equal(new URL('#article=a1', location.href).href);
  });

  it('links the page’s PDF when the edition gives one, and not otherwise', async () => {
    const plain = await viewerWith('a1');
    expect((await openPanel(plain)).shadowRoot!.querySelector('.pdf')).to.equal(null);
    plain.remove();
    const edition = await loadA1();
    edition.pages[0].pdf = 'https://example.org/pdf/A1.pdf';
    const el = await viewerWith('a1', edition);
    const link = (await openPanel(el)).shadowRoot!.querySelector<HTMLAnchorElement>('.pdf')!;
    expect(link.href).to.equal('https://example.org/pdf/A1.pdf');
    expect(link.textContent!.trim()).to.equal('A1 版 PDF');
  });
});

describe('printing', () => {
  /** Stubs `print()`; resolves the number of calls so far on each call. */
  function stubPrint(): { calls: number } {
    const seen = { calls: 0 };
    Object.defineProperty(window, 'print', { configurable: true, writable: true, value: () => void seen.calls++ });
    return seen;
  }

  it('prints the article alone: headline, byline, text and the source line', async () => {
    const printed = stubPrint();
    const other = Object.assign(document.createElement('p'), { className: 'host-content', textContent: 'The host page' });
    document.body.prepend(other);
    const el = await viewerWith('a6');
    const panel = await openPanel(el);
    await click(panel.shadowRoot!.querySelector('.print-article')!);
    await until(() => printed.calls === 1, 'print() was called');
    await emulateMedia({ media: 'print' });
    const style = (selector: string) => getComputedStyle(inReader(el, selector)!);
    expect(getComputedStyle(other).display, 'the host page is set aside').to.equal('none');
    expect(style('.header').display).to.equal('none');
    expect(style('.pager').display).to.equal('none');
    expect(style('.reader').position).to.equal('absolute');
    expect(style('.scroller').overflowY).to.equal('visible');
    expect(style('.headline').visibility).to.equal('visible');
    expect(style('.bylines').display).not.to.equal('none');
    const source = inReader(el, '.source')!;
    expect(getComputedStyle(source).display).to.equal('block');
    expect(source.textContent).to.contain('株洲日报');
    expect(source.textContent).to.contain('2021');
    expect(source.textContent).to.contain('A1 版');
    expect(source.textContent).to.contain('#article=a6');
    // After the print, all is as it was.
    window.dispatchEvent(new Event('afterprint'));
    expect(getComputedStyle(other).display).to.equal('block');
    expect(document.querySelectorAll('[data-e-paper-print]')).to.have.length(0);
    expect(readerOf(el).hasAttribute('data-print')).to.equal(false);
  });

  it('prints the page: the viewer alone, without its toolbar or the reader', async () => {
    const printed = stubPrint();
    const other = Object.assign(document.createElement('p'), { className: 'host-content', textContent: 'The host page' });
    document.body.prepend(other);
    const el = await viewerWith('a6');
    const width = el.getBoundingClientRect().width;
    const panel = await openPanel(el);
    await click(panel.shadowRoot!.querySelector('.print-page')!);
    await until(() => printed.calls === 1, 'print() was called');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(other).display).to.equal('none');
    expect(el.getAttribute('data-e-paper-print')).to.equal('page');
    expect(getComputedStyle(inReader(el, '.reader')!).display).to.equal('none');
    const toolbar = deepQuery(el, 'e-paper-toolbar', '[part~="toolbar"]')!;
    expect(getComputedStyle(toolbar).display).to.equal('none');
    const page = el.shadowRoot!.querySelector('e-paper-page')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    expect(box.width, 'the viewer is given the print box').to.be.at.most(680);
    expect(page.left).to.be.at.least(box.left - 1);
    expect(page.right).to.be.at.most(box.right + 1);
    window.dispatchEvent(new Event('afterprint'));
    await emulateMedia({ media: 'screen' });
    expect(el.getBoundingClientRect().width).to.equal(width);
    expect(el.hasAttribute('data-e-paper-print')).to.equal(false);
  });
});
