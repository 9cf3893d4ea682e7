import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { EditionLoadingController, describeError } from '../../src/controllers/edition-loading.js';
import { EditionLoadError } from '../../src/edition/load.js';
import { EditionError } from '../../src/edition/validate.js';
import { loadStrings } from '../../src/i18n/localize.js';
import { A1_URL, loadA1 } from '../helpers.js';

class LoadingHost extends LitElement {
  readonly loading = new EditionLoadingController(this);
}
customElements.define('test-loading-host', LoadingHost);

describe('EditionLoadingController', () => {
  it('cuts off the load before when another begins, and every load when the host leaves', () => {
    const host = document.body.appendChild(new LoadingHost());
    const first = host.loading.begin();
    const second = host.loading.begin();
    expect([first.signal.aborted, first.current()]).to.deep.equal([true, false]);
    expect([second.signal.aborted, second.current()]).to.deep.equal([false, true]);
    host.remove();
    expect(second.signal.aborted).to.equal(true);
  });

  it('validates an edition object, and fetches and validates a file, resolving its URLs against the file', async () => {
    const host = document.body.appendChild(new LoadingHost());
    const { signal } = host.loading.begin();
    const a1 = await loadA1();
    const given = await host.loading.fetch({ edition: a1, loadTimeout: 5000, maxBytes: 1e8 }, signal);
    expect([given.edition.id, given.baseUrl]).to.deep.equal([a1.id, document.baseURI]);
    const fetched = await host.loading.fetch({ src: A1_URL, loadTimeout: 5000, maxBytes: 1e8 }, signal);
    expect([fetched.edition.id, fetched.baseUrl]).to.deep.equal([a1.id, A1_URL]);
    let error: unknown;
    await host.loading
      .fetch({ edition: { ...a1, pages: 'none' }, loadTimeout: 5000, maxBytes: 1e8 }, signal)
      .catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(EditionError);
    host.remove();
  });

  it('describes each failure in the UI language, with its problems', async () => {
    // The viewer's English strings are a module of their own: the viewer loads them before it renders.
    await loadStrings('en');
    const problems = [{ path: 'pages[0]', message: 'missing' }];
    expect(describeError(new EditionLoadError('http', '404 Not Found', []), 'en')).to.deep.include({ cause: 'http', problems: [] });
    expect(describeError(new EditionLoadError('http', '404 Not Found', []), 'en').message).to.contain('404 Not Found');
    expect(describeError(new EditionError(problems), 'zh-CN')).to.deep.include({ cause: 'invalid', problems });
    const other = describeError(new TypeError('x'), 'zh-CN');
    expect([other.cause, other.problems]).to.deep.equal(['network', []]);
    expect(other.message).to.not.equal(describeError(new TypeError('x'), 'en').message);
  });
});
