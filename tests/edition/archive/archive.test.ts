// The archive index: its validation, its loader (against the test server's /fixtures/ and
// /faults/ routes), and the calendar maths of the date picker.
import { expect } from '@open-wc/testing';
import { loadArchive, parseArchive, validateArchive } from '../../../src/edition/archive/load-archive.js';
import { addDays, addMonths, monthGrid, nearestOnOrBefore, neighbour } from '../../../src/edition/archive/calendar.js';
import type { Archive } from '../../../src/edition/archive/archive-schema.js';
import { EditionError } from '../../../src/edition/validate.js';
import { EditionLoadError, loadEdition } from '../../../src/edition/load.js';
import { archiveIndex } from '../../../scripts/editions-from-a1.js';

const BASE = 'https://news.example/archive/index.json';
const index = (editions: unknown[], extra: object = {}) => ({ format: 'e-paper-archive', version: 1, ...extra, editions });

/** The problems validateArchive reports for `data`, as "path: message". */
function problemsOf(data: unknown): string[] {
  try {
    validateArchive(data, BASE);
  } catch (error) {
    expect(error).to.be.instanceOf(EditionError);
    return (error as EditionError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected the archive to be refused');
}

async function loadFailure(url: string, options = {}): Promise<EditionLoadError> {
  try {
    await loadArchive(url, options);
  } catch (error) {
    expect(error).to.be.instanceOf(EditionLoadError);
    return error as EditionLoadError;
  }
  throw new Error(`expected ${url} to fail`);
}

describe('validateArchive', () => {
  it('resolves each src against the index URL and sorts the editions by date', () => {
    const archive = validateArchive(
      index(
        [
          { date: '2021-01-08', src: '2021-01-08.json', label: '第 12345 期' },
          { date: '2020-12-31', src: '/editions/2020-12-31.json' },
          { date: '2021-01-07', src: 'https://cdn.example/e/2021-01-07.json' },
          { date: '2021-01-06', src: '../old/2021-01-06.json' },
        ],
        { title: '株洲日报' },
      ),
      BASE,
    );
    expect(archive).to.deep.equal({
      title: '株洲日报',
      editions: [
        { date: '2020-12-31', src: 'https://news.example/editions/2020-12-31.json' },
        { date: '2021-01-06', src: 'https://news.example/old/2021-01-06.json' },
        { date: '2021-01-07', src: 'https://cdn.example/e/2021-01-07.json' },
        { date: '2021-01-08', src: 'https://news.example/archive/2021-01-08.json', label: '第 12345 期' },
      ],
    });
  });

  it('refuses a src that is not http(s), naming its path', () => {
    expect(
      problemsOf(
        index([
          { date: '2021-01-06', src: 'ok.json' },
          { date: '2021-01-07', src: 'javascript:alert(1)' },
          { date: '2021-01-08', src: 'data:application/json,{}' },
          { date: '2021-01-09', src: 'http://[bad' },
        ]),
      ),
    ).to.deep.equal([
      'editions[1].src: expected an http(s) URL, got "javascript:alert(1)"',
      'editions[2].src: expected an http(s) URL, got "data:application/json,{}"',
      'editions[3].src: expected an http(s) URL, got "http://[bad"',
    ]);
    expect(problemsOf(index([{ date: '2021-01-06', src: '' }]))).to.deep.equal(['editions[0].src: expected a URL, got ""']);
  });

  it('refuses duplicate dates', () => {
    expect(
      problemsOf(
        index([
          { date: '2021-01-07', src: 'a.json' },
          { date: '2021-01-08', src: 'b.json' },
          { date: '2021-01-07', src: 'c.json' },
        ]),
      ),
    ).to.deep.equal(['editions[2].date: duplicate date "2021-01-07"']);
  });

  it('refuses dates that are not real YYYY-MM-DD days', () => {
    const bad = ['2021-02-29', '2021-02-30', '2021-13-01', '2021-1-8', '21-01-08', '2021-01-08T00:00:00Z', ''];
    const problems = problemsOf(index(bad.map((date, i) => ({ date, src: `${i}.json` }))));
    expect(problems).to.deep.equal(bad.map((date, i) => `editions[${i}].date: expected a date as YYYY-MM-DD, got "${date}"`));
    expect(problemsOf(index([{ date: 20210108, src: 'a.json' }]))).to.deep.equal(['editions[0].date: expected a date, got 20210108']);
    // A leap day is a day.
    expect(validateArchive(index([{ date: '2024-02-29', src: 'a.json' }]), BASE).editions[0].date).to.equal('2024-02-29');
  });

  it('caps the index at 20,000 editions, checked before the editions are', () => {
    const full = archiveIndex('2021-01-08', 20_000, (date) => `${date}.json`, 0);
    expect(validateArchive(full, BASE).editions).to.have.length(20_000);
    const over = archiveIndex('2021-01-08', 20_001, (date) => `${date}.json`, 0);
    expect(problemsOf(over)).to.deep.equal(['editions: expected at most 20000 editions, got 20001']);
    expect(problemsOf(index(new Array(1_000_000).fill(7)))).to.deep.equal(['editions: expected at most 20000 editions, got 1000000']);
  });

  it('names missing, unknown and wrong fields', () => {
    expect(problemsOf({ format: 'e-paper-edition', version: 2, editions: [{ src: 'a.json', when: 'today' }] })).to.deep.equal([
      'format: expected "e-paper-archive", got "e-paper-edition"',
      'version: expected version 1, got 2',
      'editions[0].date: required, but it is missing',
      'editions[0].when: unexpected field',
    ]);
    expect(problemsOf(index([], { title: 5 }))).to.deep.equal(['title: expected a string, got 5']);
    expect(problemsOf(null)).to.deep.equal([': expected an archive index (an object), got null']);
  });

  it('is not fooled by a polluted Object.prototype, and turns a throwing getter into a problem', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    try {
      expect(validateArchive(index([{ date: '2021-01-08', src: 'a.json' }]), BASE).editions).to.deep.equal([
        { date: '2021-01-08', src: 'https://news.example/archive/a.json' },
      ]);
    } finally {
      delete proto.polluted;
    }
    const hostile = index([
      {
        date: '2021-01-08',
        get src(): string {
          throw new Error('gotcha');
        },
      },
    ]);
    expect(problemsOf(hostile)).to.deep.equal([': the archive index could not be read: gotcha']);
  });

  it('parses JSON text, refusing absurd nesting before JSON.parse', () => {
    expect(parseArchive('\uFEFF' + JSON.stringify(index([{ date: '2021-01-08', src: 'a.json' }])), BASE).editions).to.have.length(1);
    expect(() => parseArchive('['.repeat(1_000_000) + ']'.repeat(1_000_000), BASE)).to.throw(
      EditionError,
      'expected at most 8 levels of nesting',
    );
    expect(() => parseArchive('{"format": ', BASE)).to.throw(EditionError, 'not JSON');
  });
});

describe('loadArchive', () => {
  it('loads an index from the fixtures route, each src an edition on that date', async () => {
    const archive = await loadArchive('/fixtures/archive.json?days=30&last=2021-01-08');
    // 30 days, every 7th without a paper.
    expect(archive.editions).to.have.length(26);
    expect(archive.title).to.equal('株洲日报（测试存档）');
    expect(archive.editions.at(-1)).to.deep.equal({ date: '2021-01-08', src: `${location.origin}/fixtures/edition/2021-01-08.json` });
    expect(archive.editions[0].date).to.equal('2020-12-10');
    expect(archive.editions.map((e) => e.date)).to.not.include('2021-01-02');
    const edition = await loadEdition(archive.editions[3].src);
    expect(edition.date).to.equal(archive.editions[3].date);
    expect(edition.fonts?.[0].src).to.match(new RegExp(`^${location.origin}/demo/editions/`));
  });

  it('passes the fixtures route’s delay on to each src', async () => {
    const archive = await loadArchive(new URL('/fixtures/archive.json?days=3&last=2021-03-01&ms=5', location.href));
    expect(archive.editions.map((e) => e.src)).to.deep.equal(
      ['2021-02-27', '2021-02-28', '2021-03-01'].map((date) => `${location.origin}/fixtures/edition/${date}.json?ms=5`),
    );
  });

  it('fails as loadEdition does, with the same kinds', async () => {
    expect((await loadFailure('/faults/http-500')).failure).to.equal('http');
    expect((await loadFailure('/fixtures/nothing-here.json')).failure).to.equal('http');
    const html = await loadFailure('/faults/html');
    expect([html.failure, html.message]).to.deep.equal(['not-json', 'the file is a web page, not an archive index (JSON)']);
    expect((await loadFailure('/faults/truncated')).failure).to.equal('not-json');
    expect((await loadFailure('/faults/blank')).failure).to.equal('empty');
    expect((await loadFailure('/faults/large?bytes=5000', { maxBytes: 1000 })).failure).to.equal('too-large');
    expect((await loadFailure('/faults/hang', { timeoutMs: 300 })).failure).to.equal('timeout');
    // An edition is not an index.
    const edition = await loadFailure('/faults/ok');
    expect(edition.failure).to.equal('invalid');
    expect(edition.problems[0]).to.deep.equal({ path: 'format', message: 'expected "e-paper-archive", got "e-paper-edition"' });
  });

  it('rejects with the signal’s reason when aborted', async () => {
    const controller = new AbortController();
    const pending = loadArchive('/faults/slow?ms=3000', { signal: controller.signal });
    controller.abort(new Error('the reader went elsewhere'));
    let reason: unknown;
    await pending.catch((error) => (reason = error));
    expect((reason as Error).message).to.equal('the reader went elsewhere');
  });

  it('leaves loadEdition’s own messages as they were', async () => {
    const error = (await loadEdition('/faults/html').catch((e: unknown) => e)) as EditionLoadError;
    expect([error.failure, error.message]).to.deep.equal(['not-json', 'the file is a web page, not edition data (JSON)']);
  });
});

describe('the /fixtures/ routes', () => {
  it('serve editions on a date, after a delay if asked, and multi-page editions', async () => {
    const dated = await loadEdition('/fixtures/edition/2020-02-29.json?ms=20');
    expect([dated.date, dated.ear?.weekday]).to.deep.equal(['2020-02-29', '星期六']);
    const pages = await loadEdition('/fixtures/multipage/3.json');
    expect(pages.pages.map((page) => page.label)).to.deep.equal(['A1', 'A2', 'A3']);
    expect((await fetch('/fixtures/multipage/0.json')).status).to.equal(404);
    expect((await fetch('/fixtures/edition/yesterday.json')).status).to.equal(404);
  });
});

describe('calendar maths', () => {
  it('lays a month out in weeks from Monday or from Sunday', () => {
    const jan = monthGrid(2021, 1);
    expect(jan[0]).to.deep.equal([null, null, null, null, '2021-01-01', '2021-01-02', '2021-01-03']);
    expect(jan.at(-1)).to.deep.equal(['2021-01-25', '2021-01-26', '2021-01-27', '2021-01-28', '2021-01-29', '2021-01-30', '2021-01-31']);
    expect(jan).to.have.length(5);
    const janSunday = monthGrid(2021, 1, 0);
    expect(janSunday[0]).to.deep.equal([null, null, null, null, null, '2021-01-01', '2021-01-02']);
    expect(janSunday).to.have.length(6);
    expect(janSunday.at(-1)).to.deep.equal(['2021-01-31', null, null, null, null, null, null]);
    // February 2021 starts on a Monday and fills four weeks exactly.
    expect(monthGrid(2021, 2).flat()).to.deep.equal(Array.from({ length: 28 }, (_, i) => `2021-02-${String(i + 1).padStart(2, '0')}`));
    for (const [year, month, weekStart] of [
      [2024, 2, 1],
      [2020, 5, 0],
      [1999, 12, 1],
      [2021, 8, 0],
    ]) {
      const grid = monthGrid(year, month, weekStart);
      expect(grid.every((week) => week.length === 7)).to.equal(true);
      const days = grid.flat().filter(Boolean) as string[];
      expect(days[0]).to.equal(`${year}-${String(month).padStart(2, '0')}-01`);
      // The first day sits in its weekday's column.
      expect(grid[0].indexOf(days[0])).to.equal((new Date(`${days[0]}T00:00:00Z`).getUTCDay() - weekStart + 7) % 7);
    }
  });

  it('knows month ends and leap years', () => {
    const last = (year: number, month: number) => monthGrid(year, month).flat().filter(Boolean).at(-1);
    expect([last(2024, 2), last(2023, 2), last(2000, 2), last(1900, 2), last(2021, 4), last(2021, 12)]).to.deep.equal([
      '2024-02-29',
      '2023-02-28',
      '2000-02-29',
      '1900-02-28',
      '2021-04-30',
      '2021-12-31',
    ]);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2023-02-28', 1)).to.equal('2023-03-01');
    expect(addDays('2020-12-31', 1)).to.equal('2021-01-01');
    expect(addDays('2021-03-01', -1)).to.equal('2021-02-28');
    expect(addDays('2021-01-08', -366)).to.equal('2020-01-08');
    // Across the dates clocks change in many zones: a day is a day.
    expect(addDays('2021-03-27', 2)).to.equal('2021-03-29');
    expect(addDays('2021-10-30', 2)).to.equal('2021-11-01');
  });

  it('adds months, clamping the day to the month’s end', () => {
    expect(addMonths('2021-01-31', 1)).to.equal('2021-02-28');
    expect(addMonths('2024-01-31', 1)).to.equal('2024-02-29');
    expect(addMonths('2021-03-31', -1)).to.equal('2021-02-28');
    expect(addMonths('2021-05-31', 1)).to.equal('2021-06-30');
    expect(addMonths('2021-12-15', 1)).to.equal('2022-01-15');
    expect(addMonths('2021-01-15', -13)).to.equal('2019-12-15');
    expect(addMonths('2024-02-29', 12)).to.equal('2025-02-28');
    expect(addMonths('2024-02-29', 48)).to.equal('2028-02-29');
  });

  it('finds the neighbouring editions, and none beyond the ends', () => {
    const archive: Archive = {
      editions: ['2021-01-04', '2021-01-05', '2021-01-07', '2021-01-08'].map((date) => ({ date, src: `https://x.example/${date}.json` })),
    };
    const date = (entry?: { date: string }) => entry?.date;
    expect(date(neighbour(archive, '2021-01-04', -1))).to.equal(undefined);
    expect(date(neighbour(archive, '2021-01-04', 1))).to.equal('2021-01-05');
    expect(date(neighbour(archive, '2021-01-07', -1))).to.equal('2021-01-05');
    expect(date(neighbour(archive, '2021-01-06', -1))).to.equal('2021-01-05');
    expect(date(neighbour(archive, '2021-01-06', 1))).to.equal('2021-01-07');
    expect(date(neighbour(archive, '2021-01-08', 1))).to.equal(undefined);
    expect(date(neighbour(archive, '2021-01-08', -1))).to.equal('2021-01-07');
    expect(date(neighbour(archive, '2020-06-01', 1))).to.equal('2021-01-04');
    expect(date(neighbour(archive, '2022-06-01', -1))).to.equal('2021-01-08');
    expect(date(neighbour({ editions: [] }, '2021-01-08', -1))).to.equal(undefined);
    expect(date(nearestOnOrBefore(archive, '2021-01-06'))).to.equal('2021-01-05');
    expect(date(nearestOnOrBefore(archive, '2021-01-07'))).to.equal('2021-01-07');
    expect(date(nearestOnOrBefore(archive, '2021-01-03'))).to.equal(undefined);
    expect(date(nearestOnOrBefore(archive, '2030-01-01'))).to.equal('2021-01-08');
  });
});
