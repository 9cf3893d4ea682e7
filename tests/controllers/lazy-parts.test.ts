import { expect } from '@open-wc/testing';
import { LazyPartsController } from '../../src/controllers/lazy-parts.js';

describe('LazyPartsController', () => {
  it('loads a part once when needed, and settles once it is defined', async () => {
    const failed: string[] = [];
    const parts = new LazyPartsController(document.body, (name) => failed.push(name));
    expect(customElements.get('e-paper-tooltip'), 'not loaded before').to.equal(undefined);
    parts.need('e-paper-tooltip');
    parts.need('e-paper-tooltip');
    expect(parts.loading).to.equal(true);
    await parts.settled();
    expect(parts.loading).to.equal(false);
    expect(customElements.get('e-paper-tooltip')).to.be.a('function');
    parts.need('e-paper-tooltip');
    expect(parts.loading, 'defined: nothing to load').to.equal(false);
    expect(failed).to.deep.equal([]);
  });

  it('loads the list (and the strip for several pages) before the first render', async () => {
    const parts = new LazyPartsController(document.body, () => {});
    await parts.forFirstRender(2);
    expect([customElements.get('e-paper-contents'), customElements.get('e-paper-pages')].every(Boolean)).to.equal(true);
  });
});
