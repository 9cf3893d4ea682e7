import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ArchiveController } from '../../src/controllers/archive.js';
import { until } from '../helpers.js';

class ArchiveHost extends LitElement {
  archive?: string;
  src?: string;
  edition?: unknown;
  loadTimeout = 8000;
  wanted?: string;
  failures: boolean[] = [];
  pickers = 0;
  readonly archiveController = new ArchiveController(this, {
    needPicker: () => void this.pickers++,
    wantedDate: () => this.wanted,
    failed: (_error, fatal) => void this.failures.push(fatal),
  });
}
customElements.define('test-archive-host', ArchiveHost);

describe('ArchiveController', () => {
  it('without an edition, loads the index at once and names the edition the hash wants, or the latest', async () => {
    const host = Object.assign(new ArchiveHost(), { archive: '/fixtures/archive.json?days=10&last=2021-01-08', wanted: '2021-01-05' });
    document.body.append(host);
    host.archiveController.changed(false);
    await until(() => host.src !== undefined, 'an edition named');
    expect(host.src).to.contain('2021-01-05');
    expect(host.pickers).to.equal(1);
    expect(host.archiveController.entry('2021-01-08')?.src).to.contain('2021-01-08');
    const latest = Object.assign(new ArchiveHost(), { archive: host.archive });
    document.body.append(latest);
    latest.archiveController.changed(false);
    await until(() => latest.src !== undefined, 'the latest named');
    expect(latest.src).to.contain('2021-01-08');
    host.remove();
    latest.remove();
  });

  it('with an edition to show, waits for it; a failed index is fatal only without one', async () => {
    const host = Object.assign(new ArchiveHost(), { archive: '/fixtures/no-such-archive.json', src: '/some/edition.json' });
    document.body.append(host);
    host.archiveController.changed(false);
    expect(host.pickers, 'waits for the edition').to.equal(0);
    host.archiveController.editionSettled();
    await until(() => host.failures.length > 0, 'the index failed');
    expect(host.failures).to.deep.equal([false]);
    const alone = Object.assign(new ArchiveHost(), { archive: '/fixtures/no-such-archive.json' });
    document.body.append(alone);
    alone.archiveController.changed(false);
    await until(() => alone.failures.length > 0, 'the index failed');
    expect(alone.failures).to.deep.equal([true]);
    host.remove();
    alone.remove();
  });
});
