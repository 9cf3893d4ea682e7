import { expect } from '@open-wc/testing';
import { sanitizeRecord, emptyRecord } from '../../src/state/reading-record.js';
import { mergeRecords } from '../../src/state/merge-records.js';

const ctx = { editionId: 'e1', articleIds: ['a1', 'a2'], pageIds: ['A1'] };
const stored = (aloud: unknown) => ({ ...emptyRecord('e1'), updatedAt: 5, aloud });

describe('reading record: read aloud’s place', () => {
  it('keeps a valid place and speed', () => {
    expect(sanitizeRecord(stored({ article: 'a2', paragraph: 3, rate: 1.5 }), ctx)!.aloud).to.deep.equal({
      article: 'a2',
      paragraph: 3,
      rate: 1.5,
    });
    expect(sanitizeRecord(stored({ article: 'a1', paragraph: -1, rate: 1 }), ctx)!.aloud, 'the headline').to.deep.equal({
      article: 'a1',
      paragraph: -1,
      rate: 1,
    });
  });

  it('mends what it can and drops what it cannot', () => {
    expect(sanitizeRecord(stored({ article: 'a1', paragraph: -7.5, rate: 40 }), ctx)!.aloud).to.deep.equal({
      article: 'a1',
      paragraph: -1,
      rate: 2,
    });
    expect(sanitizeRecord(stored({ article: 'a1', paragraph: 'x', rate: null }), ctx)!.aloud).to.deep.equal({
      article: 'a1',
      paragraph: -1,
      rate: 1,
    });
    expect(sanitizeRecord(stored({ article: 'gone', paragraph: 1, rate: 1 }), ctx)!.aloud, 'an unknown article').to.equal(undefined);
    expect(sanitizeRecord(stored([1, 2]), ctx)!.aloud).to.equal(undefined);
    expect(sanitizeRecord(stored(undefined), ctx), 'a record without it is whole').to.deep.include({ editionId: 'e1' });
  });

  it('merges field by field: the writer that changed it wins', () => {
    const older = { ...emptyRecord('e1'), aloud: { article: 'a1', paragraph: 2, rate: 1 } };
    const newer = { ...emptyRecord('e1'), textScale: 1.2, aloud: { article: 'a2', paragraph: 0, rate: 1.25 } };
    expect(mergeRecords(older, newer, ['textScale']).aloud).to.deep.equal(older.aloud);
    expect(mergeRecords(older, newer, ['aloud']).aloud).to.deep.equal(newer.aloud);
    expect(mergeRecords(older, newer).aloud).to.deep.equal(newer.aloud);
  });
});
