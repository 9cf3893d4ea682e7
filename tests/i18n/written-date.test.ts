import { expect } from '@open-wc/testing';
import { writtenDate } from '../../src/i18n/strings.js';

describe('writtenDate', () => {
  it('writes an ISO date as the language does, and leaves what is no date as it is', () => {
    expect(writtenDate('2021-01-08', 'zh-CN')).to.equal('2021年1月8日');
    expect(writtenDate('2021-01-08', 'en')).to.equal('January 8, 2021');
    expect(writtenDate('someday', 'en')).to.equal('someday');
  });
});
