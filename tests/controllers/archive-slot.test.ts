import { expect } from '@open-wc/testing';
import { ArchiveSlot } from '../../src/controllers/archive-slot.js';
import { until } from '../helpers.js';
import { describeError } from '../../src/controllers/edition-loading.js';
import { stubContext } from './stub-context.js';

/** The slot as the viewer makes it: the picker a lazy part, the hash's date first, a failure the viewer's error or a notice. */
function slotOf({ ctx }: ReturnType<typeof stubContext>) {
  return new ArchiveSlot(ctx.host, {
    needPicker: () => ctx.parts.need('e-paper-archive'),
    wantedDate: () => undefined,
    failed: (error, fatal) => (fatal ? ctx.fail(describeError(error, 'en')) : ctx.notices.message(describeError(error, 'en').message)),
    unavailable: (error) => ctx.notices.message(describeError(error, 'en').message),
  });
}

describe('ArchiveSlot', () => {
  it('with an edition to show, loads nothing until it is shown; then the index and its picker', async () => {
    const stub = stubContext();
    const { host, log, remove } = stub;
    Object.assign(host, { archive: '/fixtures/archive.json?days=10&last=2021-01-08', src: '/some/edition.json' });
    const slot = slotOf(stub);
    slot.changed(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([slot.index, log.parts], 'the first render shares nothing with it').to.deep.equal([undefined, []]);
    slot.editionSettled();
    await until(() => slot.index !== undefined, 'the index loaded');
    expect(log.parts).to.deep.equal(['e-paper-archive']);
    expect(slot.entry('2021-01-05')?.src).to.contain('2021-01-05');
    remove();
  });

  it('a failed index: the viewer’s error without an edition to show, a notice with one', async () => {
    const alone = stubContext();
    alone.host.archive = '/fixtures/no-such-archive.json';
    slotOf(alone).changed(false);
    await until(() => alone.log.failed.length > 0, 'the viewer failed');
    expect(alone.ctx.notices.current).to.equal(undefined);
    alone.remove();
    const beside = stubContext();
    Object.assign(beside.host, { archive: '/fixtures/no-such-archive.json', src: '/some/edition.json' });
    slotOf(beside).editionSettled();
    await until(() => beside.ctx.notices.current !== undefined, 'a notice');
    expect(beside.log.failed).to.deep.equal([]);
    beside.remove();
  });
});
