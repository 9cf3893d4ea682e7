// The phone's toolbar with every control a site may turn on at once: an archive (the date
// picker), offline reading (the save button) and the text view (its toggle, pressed); full screen
// is on too, and a phone's toolbar leaves it out (e-paper-fullscreen.styles.ts says why).
// At 360 × 740 and 390 × 844 it keeps to one row, every control inside the window, named, and
// reachable: the one under its own centre, so that a tap there presses it.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { deepQuery, frames, mountViewer, partsLoaded, until } from '../../helpers.js';
import { expectOneRow, nameOf } from './toolbar-controls.js';

/** The element a tap at `b`'s centre lands on, through the shadow roots. */
function hitAt(b: HTMLElement): Element | null {
  const r = b.getBoundingClientRect();
  const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
  let hit: Element | null = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

describe('<e-paper>: the phone toolbar with archive, offline and the text view', () => {
  let el: EPaper | undefined;
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await setViewport({ width: 800, height: 600 });
    document.body.style.margin = '';
  });

  for (const [width, height] of [
    [360, 740],
    [390, 844],
  ]) {
    it(`${width} × ${height}: one row, every control inside the window and reachable`, async () => {
      await setViewport({ width, height });
      document.body.style.margin = '0';
      el = await mountViewer<EPaper>(
        (e) => {
          e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
          e.src = '/fixtures/multipage/8.json';
          e.offline = true;
          e.view = 'text';
        },
        { width, height: height - 40 },
      );
      await partsLoaded(el);
      await until(() => !!deepQuery(el!, 'e-paper-archive', '.date'), 'the date picker is drawn');
      await until(() => !!deepQuery(el!, 'e-paper-offline', '.toggle'), 'the offline button is drawn');
      await until(() => !!deepQuery(el!, 'e-paper-text-view', 'h2'), 'the text view is drawn');
      await frames();
      const bar = deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.toolbar')!.getBoundingClientRect();
      const buttons = expectOneRow(el, width);
      const names = buttons.map(nameOf);
      for (const wanted of [/离线保存/, /文字版/, /搜索/, /导航/]) expect(names.join(' | '), String(wanted)).to.match(wanted);
      expect(deepQuery(el, 'e-paper-archive', '[part~="archive-button"]'), 'the date picker').to.not.equal(null);
      for (const b of buttons) {
        const r = b.getBoundingClientRect();
        expect(r.width, `${nameOf(b)} big enough to tap`).to.be.at.least(24);
        const hit = hitAt(b);
        expect(hit === b || b.contains(hit), `${nameOf(b)} is what a tap at its centre presses`).to.equal(true);
      }
      // The page read-out stays, on the row and inside the window: the text view's pages follow it.
      const pageNumber = deepQuery<HTMLElement>(el, 'e-paper-toolbar', '.page-number')!.getBoundingClientRect();
      expect(pageNumber.width, 'the page read-out is shown').to.be.greaterThan(20);
      expect(pageNumber.right, 'the page read-out inside the window').to.be.at.most(width);
      expect(pageNumber.top, 'the page read-out on the row').to.be.at.least(bar.top);
      expect(pageNumber.bottom, 'the page read-out on the row').to.be.at.most(bar.bottom);
      expect(bar.height, 'one row').to.be.below(36 * 2);
      expect(bar.right, 'the toolbar inside the window').to.be.at.most(width);
    });
  }
});
