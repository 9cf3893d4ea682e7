import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { EditionError, checkEdition, validEdition, validator } from '../../src/edition/validate-core.js';
import { parseEdition, validateEdition } from '../../src/edition/validate.js';
import type { Edition } from '../../src/edition/schema.js';
import type { EPaper } from '../../src/elements/e-paper/e-paper.js';
import { loadA1, nextEvent } from '../helpers.js';

/** What a call threw (or undefined). */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The A1 with a block outside its page and an article without a region: two problems of the cross checks. */
async function badA1(): Promise<Edition> {
  const edition = await loadA1();
  edition.pages[0].blocks![0].rect.w = edition.pages[0].width * 2;
  edition.articles.push({ ...edition.articles[0], id: 'nowhere' });
  return edition;
}

/** The full validator's loader, as the first render has it. */
const load = validator.load;

describe('validation before drawing: the quiet check, and the words loaded when it fails', () => {
  afterEach(() => {
    validator.load = load;
  });

  it('passes a valid edition as the full validator does, without loading it', async () => {
    let loads = 0;
    validator.load = () => (loads++, load());
    const a1 = await loadA1();
    expect(checkEdition(a1)).to.deep.equal(validateEdition(a1));
    expect(await validEdition(a1)).to.deep.equal(validateEdition(a1));
    expect(await validEdition(undefined, JSON.stringify(a1))).to.deep.equal(validateEdition(a1));
    expect(loads).to.equal(0);
  });

  it('fails what the full validator fails, and names the same problems', async () => {
    const cases: [string, () => Promise<unknown>, () => unknown][] = [];
    const bad = await badA1();
    cases.push(['cross checks', () => validEdition(bad), () => validateEdition(bad)]);
    const wrongType = { ...(await loadA1()), pages: 'none' };
    cases.push(['schema', () => validEdition(wrongType), () => validateEdition(wrongType)]);
    const deep = `{"a":${'['.repeat(20)}1${']'.repeat(20)}}`;
    cases.push(['too deep', () => validEdition(undefined, deep), () => parseEdition(deep)]);
    cases.push(['not JSON', () => validEdition(undefined, '<html>'), () => parseEdition('<html>')]);
    const bigList = { ...(await loadA1()), articles: new Array(20_000).fill(0) };
    cases.push(['limits', () => validEdition(bigList), () => validateEdition(bigList)]);
    for (const [what, quiet, full] of cases) {
      const error = await thrown(quiet);
      expect(error, what).to.be.instanceOf(EditionError);
      expect((error as EditionError).problems, what).to.deep.equal(((await thrown(full)) as EditionError).problems);
      expect((error as EditionError).problems.length, what).to.be.greaterThan(0);
    }
    expect(checkEdition(bad)).to.equal(undefined);
    expect(checkEdition(bigList)).to.equal(undefined);
  });

  it('the viewer shows the problems the loaded words name', async () => {
    const el = document.createElement('e-paper') as EPaper;
    el.lang = 'en';
    el.noPersist = true;
    el.edition = await badA1();
    const failed = nextEvent<{ cause: string; problems: { path: string; message: string }[] }>(el, 'e-paper-error');
    document.body.append(el);
    const { detail } = await failed;
    await el.updateComplete;
    expect(detail.cause).to.equal('invalid');
    const text = el.shadowRoot!.querySelector('[part="error"]')!.textContent!;
    expect(text).to.contain('pages[0].blocks[0].rect: expected a rectangle inside the page');
    expect(text).to.contain('has no region on any page');
    el.remove();
  });

  it('if the words cannot be loaded, the viewer still says the edition does not match the format', async () => {
    validator.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const error = await thrown(async () => validEdition(await badA1()));
    expect(error).to.be.instanceOf(EditionError);
    expect((error as EditionError).problems).to.deep.equal([
      { path: '', message: 'the edition does not match the format (the module that names its problems could not be loaded)' },
    ]);
    const el = document.createElement('e-paper') as EPaper;
    el.noPersist = true;
    el.edition = await badA1();
    const failed = nextEvent<{ cause: string }>(el, 'e-paper-error');
    document.body.append(el);
    expect((await failed).detail.cause).to.equal('invalid');
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector('[part="error"]')!;
    // zh-CN: the title, the cause and what is known of the problem; nothing thrown past the viewer.
    expect(shown.querySelector('h2')!.textContent).to.equal('无法显示本期报纸');
    expect(shown.textContent).to.contain('报纸数据不符合格式要求。');
    expect(shown.textContent).to.contain('could not be loaded');
    el.remove();
    // The failure is not kept: once the module can be loaded, the problems are named.
    validator.load = load;
    const named = (await thrown(async () => validEdition(await badA1()))) as EditionError;
    expect(named.problems.map((p) => p.path)).to.include('pages[0].blocks[0].rect');
  });
});
