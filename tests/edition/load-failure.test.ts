import { expect } from '@open-wc/testing';
import { EditionLoadError, failureWords, loadEdition } from '../../src/edition/load.js';

/** The loader of the words of a failed load, as the first render has it. */
const load = failureWords.load;

/** What loading `url` rejected with. */
const failure = (url: string) =>
  loadEdition(url).then(
    () => undefined,
    (error: unknown) => error as EditionLoadError,
  );

describe('a load that fails its checks: the words come with the failure', () => {
  afterEach(() => {
    failureWords.load = load;
  });

  it('loads the words only when a load fails, and names a web page for what it is', async () => {
    let loads = 0;
    failureWords.load = () => (loads++, load());
    await loadEdition('/faults/ok');
    expect(loads).to.equal(0);
    const error = await failure('/faults/html');
    expect(loads).to.equal(1);
    expect(error).to.be.instanceOf(EditionLoadError);
    expect(error?.failure).to.equal('not-json');
    expect(error?.message).to.equal('the file is a web page, not edition data (JSON)');
  });

  it('is still an invalid edition, with its problems, when the words cannot be loaded', async () => {
    failureWords.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const error = await failure('/faults/html');
    expect(error).to.be.instanceOf(EditionLoadError);
    expect(error?.failure).to.equal('invalid');
    expect(error?.message).to.equal('the data does not match the format');
    expect(error?.problems.map((p) => p.message).join()).to.match(/^not JSON/);
  });
});
