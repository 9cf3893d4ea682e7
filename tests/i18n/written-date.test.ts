import { expect } from '@open-wc/testing';
import { writtenDate } from '../../src/i18n/strings.js';

describe('writtenDate', () => {
  it('writes an ISO date as the language does, and leaves what is no date as it is', () => {
    expect(writtenDate('2021-01-08', 'zh-CN')).to.equal('2021年1月8日');
    expect(writtenDate('2021-01-08', 'en')).to.equal('January 8, 2021');
    expect(writtenDate('someday', 'en')).to.equal('someday');
  });

  it('makes one formatter per language however often it is asked (the viewer’s label, at every render)', () => {
    const original = Intl.DateTimeFormat;
    const made: string[] = [];
    Intl.DateTimeFormat = new Proxy(original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        made.push(String(args[0]));
        return Reflect.construct(target, args) as Intl.DateTimeFormat;
      },
    });
    const dates: string[] = [];
    try {
      for (const day of ['01', '02', '03', '04']) dates.push(writtenDate(`2021-01-${day}`, 'zh-Hant-TW'));
      dates.push(writtenDate('2021-01-05', 'en-GB'), writtenDate('2021-01-06', 'en-GB'));
    } finally {
      Intl.DateTimeFormat = original;
    }
    expect(made).to.deep.equal(['zh-Hant-TW', 'en-GB']);
    expect(dates).to.deep.equal(['2021年1月1日', '2021年1月2日', '2021年1月3日', '2021年1月4日', '5 January 2021', '6 January 2021']);
  });
});
