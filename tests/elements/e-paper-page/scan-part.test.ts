// The scan part (scan-view.ts), a module of its own that only scan pages load: when it cannot be
// fetched, the page says that its image failed and the viewer still comes up; the next page
// element tries afresh. A file of its own: the part must not be loaded before the first test.
import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { EPaperPage } from '../../../src/elements/e-paper-page/e-paper-page.js';
import { uiStrings } from '../../../src/i18n/strings.js';
import { deepQuery, nextEvent } from '../../helpers.js';

const SCAN_URL = new URL('../../../demo/editions/zhuzhou-daily-2021-01-08-scan.json', import.meta.url).href;
const realLoader = EPaperPage.loadScanPart;

async function viewer(): Promise<EPaper> {
  const el = document.createElement('e-paper') as EPaper;
  el.noPersist = true;
  el.style.cssText = 'display: block; width: 700px; height: 560px';
  el.src = SCAN_URL;
  const ready = nextEvent(el, 'e-paper-ready');
  document.body.append(el);
  await ready;
  return el;
}

describe('scan pages: the scan part', () => {
  afterEach(() => {
    EPaperPage.loadScanPart = realLoader;
    document.querySelectorAll('e-paper').forEach((el) => el.remove());
  });

  it('that cannot be fetched: the page says its image failed, the viewer is ready, a later page loads it', async () => {
    let asked = 0;
    EPaperPage.loadScanPart = () => {
      asked++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    const el = await viewer();
    const message = deepQuery(el, 'e-paper-page', '.scan-message');
    expect(message?.getAttribute('role'), 'an alert').to.equal('alert');
    expect(message?.textContent?.trim()).to.equal(uiStrings('zh-CN').scanFailed);
    expect(getComputedStyle(message!).position, 'styled without the part').to.equal('absolute');
    expect(deepQuery(el, 'e-paper-page', '.scan-image'), 'no image').to.equal(null);
    expect(asked, 'asked once, not again and again').to.equal(1);
    el.remove();

    EPaperPage.loadScanPart = realLoader;
    const again = await viewer();
    expect(deepQuery(again, 'e-paper-page', '.scan-image.sharp'), 'the image, once the part loads').to.exist;
    expect(deepQuery(again, 'e-paper-page', '.scan-message')).to.equal(null);
  });
});
