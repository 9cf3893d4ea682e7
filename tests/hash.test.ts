import { expect } from '@open-wc/testing';
import { hashParam, hashWith } from '../src/elements/e-paper/hash.js';

describe('hash: deep links beside the host page’s own parameters', () => {
  it('reads page, article and date, and nothing for empty or absent ones', () => {
    expect(hashParam('#page=A2&article=a3&date=2021-01-08', 'page')).to.equal('A2');
    expect(hashParam('#page=A2&article=a3&date=2021-01-08', 'article')).to.equal('a3');
    expect(hashParam('#page=A2&article=a3&date=2021-01-08', 'date')).to.equal('2021-01-08');
    expect(hashParam('#page=&tab=2', 'page')).to.equal(undefined);
    expect(hashParam('', 'article')).to.equal(undefined);
    expect(hashParam('#article=%E4%B8%80%20a', 'article')).to.equal('一 a');
  });

  it('sets and removes several parameters at once, keeping the others', () => {
    expect(hashWith('#tab=2&page=A1', { page: 'A3', article: 'a1' })).to.equal('#tab=2&page=A3&article=a1');
    expect(hashWith('#tab=2&page=A1&article=a1', { page: undefined, article: undefined })).to.equal('#tab=2');
    expect(hashWith('#page=A1', { page: undefined })).to.equal('');
    expect(hashWith('', { date: '2021-01-07' })).to.equal('#date=2021-01-07');
    expect(hashParam(hashWith('', { article: 'a&b=c#d' }), 'article'), 'survives a round trip').to.equal('a&b=c#d');
  });
});
