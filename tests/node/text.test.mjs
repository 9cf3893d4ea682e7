// The importers' text rules: dates, languages, hyphens and CJK lines, edition ids.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModules } from './helpers.mjs';

let m;
before(async () => (m = await loadModules()));

describe('text rules', () => {
  it('reads the dates newspapers and catalogues write, and only real days', () => {
    const cases = {
      '2021-01-08': '2021-01-08',
      '2021-01-08T00:00:00+08:00': '2021-01-08',
      '2021/1/8': '2021-01-08',
      20210108: '2021-01-08',
      '01.08.1821': '1821-08-01',
      '1.8.1821': '1821-08-01',
      '8 January 2021': '2021-01-08',
      'January 8, 2021': '2021-01-08',
      '8. Januar 2021': '2021-01-08',
      '1er août 1821': undefined,
      '2021年1月8日': '2021-01-08',
      1821: undefined,
      '31.02.1821': undefined,
      '01/08/1821': undefined,
      '': undefined,
    };
    for (const [text, expected] of Object.entries(cases)) assert.equal(m.parseDate(text), expected, text);
  });

  it('takes only language tags that name a language', () => {
    for (const tag of ['zh-CN', 'de', 'en-GB', 'zh-Hant-TW', 'fr']) assert.ok(m.isKnownLanguage(tag), tag);
    for (const tag of ['utf-8', 'gbk', 'xx', 'und', '', 'zh_CN', 'chinese']) assert.ok(!m.isKnownLanguage(tag), tag);
  });

  it('tells the language from the script, and Latin-script languages from their commonest words', () => {
    assert.equal(m.detectLanguage('全市供暖管网已完成检修，今冬供暖将按时开始。'), 'zh');
    assert.equal(m.detectLanguage('東京の天気は晴れです。明日は雨が降るでしょう。'), 'ja');
    assert.equal(m.detectLanguage('Die Stadt hat die neue Brücke über den Fluss eröffnet, und die Bürger feierten mit der Musik.'), 'de');
    assert.equal(
      m.detectLanguage('The town opened the new bridge over the river, and the people celebrated with music in the square.'),
      'en',
    );
    assert.equal(m.detectLanguage('Le maire a ouvert le nouveau pont et les habitants de la ville sont venus dans les rues.'), 'fr');
    assert.equal(m.detectLanguage('Погода в городе хорошая, и люди гуляют в парке.'), 'ru');
    assert.equal(m.detectLanguage('Short'), undefined);
  });

  it('joins a word broken at a line end by the language, and CJK lines without a space', () => {
    assert.equal(m.joinLines(['Der Wechsel der Jahres-', 'zeiten bringt Regen.'], 'de'), 'Der Wechsel der Jahreszeiten bringt Regen.');
    // Before a capital the hyphen belongs to the word.
    assert.equal(m.joinLines(['der Nord-', 'Ostsee-Kanal'], 'de'), 'der Nord-Ostsee-Kanal');
    // The Fraktur double hyphen (and = as OCR reads it) only in German.
    assert.equal(m.joinLines(['Jahres⸗', 'zeiten'], 'de'), 'Jahreszeiten');
    assert.equal(m.joinLines(['a = ', 'b'], 'en'), 'a = b');
    assert.equal(m.joinLines(['x=', 'y'], 'en'), 'x= y');
    assert.equal(m.joinLines(['全市供暖管网已完成', '检修，今冬供暖'], 'zh'), '全市供暖管网已完成检修，今冬供暖');
    assert.equal(m.joinLines(['plain', 'lines'], 'en'), 'plain lines');
  });

  it('makes ids of the publication and the date: stable, and one per day', () => {
    assert.equal(m.editionId('Test Gazette', '1821-08-01'), 'test-gazette-1821-08-01');
    assert.equal(m.editionId('Test Gazette, 1 August 1821', '1821-08-01'), 'test-gazette-1821-08-01');
    assert.notEqual(m.editionId('Test Gazette', '1821-08-01'), m.editionId('Test Gazette', '1821-08-02'));
    const han = m.editionId('示例日报 2021年1月8日', '2021-01-08');
    assert.match(han, /^[a-z0-9]+-2021-01-08$/);
    assert.equal(han, m.editionId('示例日报', '2021-01-08'));
    assert.notEqual(han, m.editionId('另一日报', '2021-01-08'));
  });

  it('writes Chinese names in ids as pinyin when the command sets it: readable, and the same each night', () => {
    assert.equal(m.romanizeHan('株洲日报'), 'zhuzhou-ribao');
    // Characters read several ways, read as in the place's name; traditional characters too.
    assert.equal(m.romanizeHan('重庆日报'), 'chongqing-ribao');
    assert.equal(m.romanizeHan('长沙晚报'), 'changsha-wanbao');
    assert.equal(m.romanizeHan('中國時報'), 'zhongguo-shibao');
    assert.equal(m.romanizeHan('北京青年报'), 'beijing-qingnianbao');
    assert.equal(m.romanizeHan('株洲日报 数字报'), 'zhuzhou-ribao-shuzi-bao');
    assert.equal(m.romanizeHan('Test Gazette'), 'Test Gazette');
    m.useRomanizer(m.romanizeHan);
    try {
      assert.equal(m.editionId('株洲日报', '2021-01-08'), 'zhuzhou-ribao-2021-01-08');
      assert.equal(m.editionId('株洲日报 2021年1月8日', '2021-01-08'), 'zhuzhou-ribao-2021-01-08');
      assert.equal(m.editionId('Test Gazette', '1821-08-01'), 'test-gazette-1821-08-01');
    } finally {
      m.useRomanizer(undefined);
    }
    assert.match(m.editionId('株洲日报', '2021-01-08'), /^[a-z0-9]+-2021-01-08$/);
  });
});
