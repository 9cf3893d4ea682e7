import { expect } from '@open-wc/testing';
import { NoticeController } from '../../src/controllers/notices.js';
import { stubHost } from './stub-host.js';

describe('NoticeController', () => {
  it('holds one notice: a message replaces an offer, and each change asks for a render', () => {
    const host = stubHost();
    const notices = new NoticeController(host);
    notices.offer('a3', 2);
    expect(notices.current).to.deep.equal({ kind: 'continue', articleId: 'a3', paragraph: 2 });
    notices.message('保存失败');
    expect(notices.current).to.deep.equal({ kind: 'message', text: '保存失败' });
    expect(host.updates).to.equal(2);
    host.disconnect();
  });

  it('takes away only the notice asked for', () => {
    const host = stubHost();
    const notices = new NoticeController(host);
    notices.message('one');
    notices.dismiss('continue');
    notices.dismiss('message', 'another');
    expect(notices.current, 'neither matches').to.deep.equal({ kind: 'message', text: 'one' });
    notices.dismiss('message', 'one');
    expect(notices.current).to.equal(undefined);
    notices.offer('a1', 0);
    notices.dismiss();
    expect(notices.current).to.equal(undefined);
    host.disconnect();
  });
});
