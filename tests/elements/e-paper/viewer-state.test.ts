import { expect } from '@open-wc/testing';
import { multiPageEdition } from '../../../scripts/editions-from-a1.js';
import type { Edition } from '../../../src/edition/schema.js';
import { isShown, showingPage, wantPage, withPhase, type Ready, type ViewerState } from '../../../src/elements/e-paper/viewer-state.js';
import { withEdition } from '../../../src/controllers/page-file-set.js';
import { loadA1 } from '../../helpers.js';

describe('the viewer state', () => {
  let edition: Edition;
  let ready: Ready;
  before(async () => {
    edition = multiPageEdition(await loadA1(), 3);
    ready = { kind: 'ready', edition, page: edition.pages[0], baseUrl: 'https://example.org/', phase: 'settling' };
  });

  it('moves a ready edition through its phases, and leaves any other state alone', () => {
    const shown = withPhase(ready, 'shown');
    expect(shown).to.include({ kind: 'ready', phase: 'shown', page: ready.page });
    expect(ready.phase, 'the state given is not changed').to.equal('settling');
    expect([isShown(ready), isShown(shown), isShown(withPhase(ready, 'next'))]).to.deep.equal([false, true, true]);
    const loading: ViewerState = { kind: 'loading' };
    expect(withPhase(loading, 'shown')).to.equal(loading);
    expect(isShown(loading)).to.be.false;
  });

  it('shows another page with the view it is to get, asking for that view only then', () => {
    const page = edition.pages[1];
    let asked = 0;
    const view = { scale: 2, x: 10, y: 20 };
    const next = showingPage(ready, page, () => (asked++, view)) as Ready;
    expect(next.page).to.equal(page);
    expect(next.wanted).to.equal(page.id);
    expect(next.pageView).to.deep.equal({ view });
    expect(asked).to.equal(1);
    // The page in view again: only the page asked for changes, and the view stays.
    const again = showingPage({ ...next, wanted: 'other' }, page, () => (asked++, null)) as Ready;
    expect(again.wanted).to.equal(page.id);
    expect(again.pageView).to.equal(next.pageView);
    expect(asked).to.equal(1);
    expect(
      showingPage(next, page, () => null),
      'nothing to change',
    ).to.equal(next);
  });

  it('keeps the page asked for last', () => {
    const wanted = wantPage(ready, edition.pages[2].id) as Ready;
    expect(wanted.wanted).to.equal(edition.pages[2].id);
    expect(wanted.page, 'the page in view stays').to.equal(ready.page);
    expect(wantPage(wanted, edition.pages[2].id)).to.equal(wanted);
  });

  it('takes in a new copy of the edition, keeping the page in view by its id', () => {
    const copy: Edition = { ...edition, pages: edition.pages.map((p) => ({ ...p })) };
    const onPage2 = { ...ready, page: edition.pages[1] };
    const next = withEdition(onPage2, copy) as Ready;
    expect(next.edition).to.equal(copy);
    expect(next.page).to.equal(copy.pages[1]);
    expect(withEdition(onPage2, edition), 'the same edition').to.equal(onPage2);
  });
});
