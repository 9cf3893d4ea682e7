import { expect } from '@open-wc/testing';
import '../src/index.js';
import { EPaper } from '../src/elements/e-paper/e-paper.js';
import { EPaperPage } from '../src/elements/e-paper-page/e-paper-page.js';
import { ELEMENTS } from '../src/define.js';
import { LAZY_ELEMENTS } from '../src/lazy-parts.js';
import type { EPaperEventMap } from '../src/events/events.js';

// The type checks here are made by `tsc -p .` (npm run build, CI): a tag or an event that
// loses its entry in HTMLElementTagNameMap or HTMLElementEventMap stops this file compiling.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

describe('typed tags and events', () => {
  it('createElement and querySelector give each tag its class', async () => {
    const paper = document.createElement('e-paper');
    assertType<Equals<typeof paper, EPaper>>();
    expect(paper).to.be.instanceOf(EPaper);
    document.body.append(paper);
    try {
      const found = document.querySelector('e-paper');
      assertType<Equals<typeof found, EPaper | null>>();
      expect(found).to.equal(paper);
    } finally {
      paper.remove();
    }
    const page = document.createElement('e-paper-page');
    assertType<Equals<typeof page, EPaperPage>>();
    expect(page).to.be.instanceOf(EPaperPage);
  });

  it('every registered tag is in the tag map', () => {
    // A compile-time check: the keys of both tables must be keys of HTMLElementTagNameMap.
    const tags: (keyof HTMLElementTagNameMap)[] = [
      ...(Object.keys(ELEMENTS) as (keyof typeof ELEMENTS)[]),
      ...(Object.keys(LAZY_ELEMENTS) as (keyof typeof LAZY_ELEMENTS)[]),
    ];
    expect(tags).to.have.length(16);
  });

  it("a listener gets each public event's detail type", async () => {
    const paper = document.createElement('e-paper');
    const heard: string[] = [];
    paper.addEventListener('e-paper-ready', (event) => {
      assertType<Equals<typeof event.detail, EPaperEventMap['e-paper-ready']>>();
      heard.push(event.detail.editionId);
    });
    paper.addEventListener('e-paper-zoom', (event) => {
      assertType<Equals<typeof event.detail.scale, number>>();
      heard.push(String(event.detail.scale));
    });
    paper.dispatchEvent(new CustomEvent('e-paper-ready', { detail: { editionId: 'x', page: 'A1' } }));
    paper.dispatchEvent(new CustomEvent('e-paper-zoom', { detail: { scale: 2 } }));
    expect(heard).to.deep.equal(['x', '2']);
  });
});
