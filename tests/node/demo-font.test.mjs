// The demo site's own font (demo/site-font.woff2, `npm run fonts:demo`) covers the demo page: every
// character past ASCII of demo/index.html and demo/site.js, and the demo editions' article titles
// (site.js lists them beside the viewer). Read from the written file's own character map, so a
// word added to the page without cutting the font again fails here, not as empty boxes on a
// machine without CJK fonts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { fontReader } from '../../scripts/font-sources.mjs';

const demo = (name) => readFileSync(join(ROOT, 'demo', name), 'utf8');
/** Characters of `text` past ASCII, other than white space (the system's fonts draw those). */
const wide = (text) => new Set([...text].filter((ch) => ch.codePointAt(0) > 0x7e && !/\s/u.test(ch)));

describe('the demo site’s font (demo/site-font.woff2)', async () => {
  const { unicodes } = await (await fontReader())(readFileSync(join(ROOT, 'demo/site-font.woff2')));
  const missing = (chars) => [...chars].filter((ch) => !unicodes.has(ch.codePointAt(0))).join('');

  it('has every character of the demo page', () => {
    const chars = wide(demo('index.html'));
    assert.ok(chars.has('株') && chars.has('页'), 'the page’s own words are read');
    assert.equal(missing(chars), '', 'characters of demo/index.html not in the font (npm run fonts:demo)');
  });

  it('has every character of site.js’s strings', () => {
    // Its strings: quoted and template literals (comments are left out; they are not shown).
    const code = demo('site.js').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
    const strings = code.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
    const chars = wide(strings.join(''));
    assert.ok(chars.has('年') && chars.has('版'), 'the edition line’s words are read');
    assert.equal(missing(chars), '', 'characters of demo/site.js not in the font (npm run fonts:demo)');
  });

  it('has every character of the demo editions’ article titles', () => {
    const names = ['zhuzhou-daily-2021-01-08.json', 'zhuzhou-daily-2021-01-08-scan.json', 'continued-test.json'];
    const titles = names.flatMap((name) => JSON.parse(demo(join('editions', name))).articles.map((a) => a.headline));
    assert.ok(titles.length >= 9, `${titles.length} titles`);
    assert.equal(missing(wide(titles.join(''))), '', 'characters of the titles not in the font (npm run fonts:demo)');
  });

  it('is the demo’s alone: nothing the viewer ships names it', () => {
    assert.match(demo('site.css'), /@font-face\s*{[^}]*url\(['"]?\.\/site-font\.woff2/);
    assert.doesNotMatch(demo('site.css').match(/@font-face\s*{[^}]*}/)[0], /unicode-range/);
    const named = readdirSync(join(ROOT, 'src'), { recursive: true }).filter(
      (file) => /\.(ts|css)$/.test(file) && readFileSync(join(ROOT, 'src', file), 'utf8').includes('site-font'),
    );
    assert.deepEqual(named, [], 'sources of the viewer that name the demo’s font');
  });
});
