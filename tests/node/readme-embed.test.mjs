// The README's embedding steps, followed literally: its copy commands run in an empty folder,
// its page served by a plain static server, in Chromium. Nothing may 404 and the edition's own
// fonts must be the ones in use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { heard, launchBrowser, openPage } from './support/browser.mjs';
import { serveStatic } from './support/static-server.mjs';

const repo = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

/** The first fenced block of `language` after `marker` in the README. */
function blockAfter(marker, language) {
  const at = readme.indexOf(marker);
  assert.ok(at >= 0, `README has "${marker}"`);
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme.slice(at));
  assert.ok(match, `a ${language} block after "${marker}"`);
  return match[1];
}

let work, server, browser;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'e-paper-embed-'));
  // What the steps copy from: the build and the demo edition, as they are in a checkout.
  symlinkSync(join(repo, 'dist'), join(work, 'dist'));
  symlinkSync(join(repo, 'demo'), join(work, 'demo'));
  execFileSync('bash', ['-euo', 'pipefail', '-c', blockAfter('<!-- embed-steps', 'sh')], { cwd: work, stdio: 'pipe' });
  writeFileSync(
    join(work, 'site/index.html'),
    `<!doctype html><meta charset="utf-8"><title>embed</title>\n${blockAfter("and in the site's page:", 'html')}`,
  );
  server = await serveStatic({ routes: [['/', join(work, 'site')]] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the README's embedding steps give a viewer with no 404 and the edition's fonts in use", async () => {
  const { page, errors } = await openPage(browser, server.url);
  const ready = await heard(page, 'e-paper-ready');
  assert.equal(ready.editionId, 'zhuzhou-daily-2021-01-08');
  await page.evaluate(() => document.fonts.ready);
  const faces = await page.evaluate(() =>
    [...document.fonts].map((f) => `${f.family.replace(/"/g, '')}: ${f.status}`).filter((f) => f.startsWith('e-paper zhuzhou')),
  );
  assert.deepEqual(
    faces.filter((face) => !face.endsWith('loaded')),
    [],
    'every edition face loaded',
  );
  for (const role of ['masthead', 'headline', 'body'])
    assert.ok(
      faces.some((face) => face.includes(` ${role}:`)),
      `a ${role} face`,
    );
  // The masthead is set in the edition's masthead face, not a system stand-in.
  const mastheadFont = await page.evaluate(() => {
    const sheet = document.querySelector('e-paper').shadowRoot.querySelector('e-paper-page').shadowRoot;
    const title = sheet.querySelector('.masthead .title');
    return title ? getComputedStyle(title).fontFamily : '';
  });
  assert.match(mastheadFont, /e-paper zhuzhou-daily-2021-01-08 masthead/);
  assert.deepEqual(server.notFound, [], 'nothing the page asked for is missing');
  assert.deepEqual(errors, []);
});
