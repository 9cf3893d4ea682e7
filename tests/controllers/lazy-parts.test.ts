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

  it('loads the strip for several pages before the first render, and not the list (it comes with the toolbar’s end)', async () => {
    const parts = new LazyPartsController(document.body, () => {});
    await parts.forFirstRender(1);
    expect(customElements.get('e-paper-pages'), 'one page: no strip').to.equal(undefined);
    await parts.forFirstRender(2);
    expect(customElements.get('e-paper-pages'), 'several pages: the strip').to.be.a('function');
    expect(customElements.get('e-paper-contents'), 'the list').to.equal(undefined);
  });

  it('tracks a module of its own like a part, and reports its failure once', async () => {
    const failed: string[] = [];
    const parts = new LazyPartsController(document.body, (name) => failed.push(name));
    const loaded = parts.load('stand-in', () => Promise.resolve('module'));
    expect(parts.loading).to.equal(true);
    expect(await loaded).to.equal('module');
    expect(await parts.load('broken', () => Promise.reject(new Error('offline')))).to.equal(undefined);
    await parts.settled();
    expect([parts.loading, failed]).to.deep.equal([false, ['broken']]);
  });
});
