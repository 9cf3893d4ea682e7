import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { EPaperReader } from '../src/elements/e-paper-reader/e-paper-reader.js';
import { A1_URL, mountViewer, partsLoaded, until } from './helpers.js';

const readerOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperReader>('e-paper-reader');
const openReaders = () => [...document.querySelectorAll('e-paper')].filter((el) => readerOf(el)?.open).length;

describe('two viewers with hash-sync on one page', () => {
  const warnings: string[] = [];
  const original = console.warn;
  let viewers: EPaper[] = [];

  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = original;
    for (const el of viewers) el.remove();
    viewers = [];
    history.replaceState(null, '', location.pathname + location.search);
  });

  const mountTwo = async () => {
    const setup = (id: string) => (el: EPaper) => {
      el.id = id;
      el.src = A1_URL;
      el.hashSync = true;
    };
    viewers = [await mountViewer<EPaper>(setup('first')), await mountViewer<EPaper>(setup('second'))];
    await Promise.all(viewers.map((el) => partsLoaded(el)));
    return viewers;
  };

  it('opens one reader for one #article= link, and Esc leaves none open', async () => {
    history.replaceState(null, '', '#article=a3');
    const [first, second] = await mountTwo();
    await until(() => readerOf(first)?.open === true, 'the first viewer opens a3');
    expect(first.article).to.equal('a3');
    expect(second.article).to.equal(undefined);
    expect(openReaders()).to.equal(1);
    expect(warnings.join('\n')).to.contain('<e-paper id="first">').and.contain('hash-sync');

    await sendKeys({ press: 'Escape' });
    await until(() => openReaders() === 0, 'no reader stays open');
    expect(location.hash).to.equal('');
  });

  it('lets only the owner write the hash; the other takes over when the owner leaves', async () => {
    const [first, second] = await mountTwo();
    second.openArticle('a5');
    await second.updateComplete;
    expect(location.hash, 'the second viewer leaves the hash alone').to.equal('');
    second.closeArticle();
    first.openArticle('a2');
    await first.updateComplete;
    expect(location.hash).to.equal('#article=a2');
    first.closeArticle();
    await first.updateComplete;

    first.remove();
    second.openArticle('a4');
    await second.updateComplete;
    expect(location.hash).to.equal('#article=a4');
    second.closeArticle();
    await second.updateComplete;
  });
});

describe('hash-sync turned on after the edition is shown', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('keeps the article opened in the same update (the hash module loads only then)', async () => {
    const el = await mountViewer<EPaper>((e) => {
      e.src = A1_URL;
      e.noPersist = true;
    });
    el.hashSync = true;
    el.openArticle('a2');
    await until(() => location.hash === '#article=a2', 'the hash names the article');
    el.closeArticle();
    await until(() => location.hash === '', 'the hash drops the article');
    el.remove();
  });

  it('reads the hash from its next change on, not at once', async () => {
    const el = await mountViewer<EPaper>((e) => {
      e.src = A1_URL;
      e.noPersist = true;
    });
    history.replaceState(null, '', '#article=a3');
    el.hashSync = true;
    el.openArticle('a2');
    await until(() => location.hash === '#article=a2', 'the hash names the article opened');
    await el.updateComplete;
    expect(el.article, 'the hash there before stays unread').to.equal('a2');
    expect(location.hash).to.equal('#article=a2');
    const changed = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    location.hash = '#article=a4';
    await changed;
    await until(() => el.article === 'a4', 'a change of the hash opens its article');
    el.remove();
  });
});
