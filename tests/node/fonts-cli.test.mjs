// `e-paper fonts` as a publisher runs it, where it gets as far as cutting: the built command copied
// beside stand-in font packages (each @fontsource package the exact cut reads, holding the viewer's
// UI font under the package's name: NOT the real packages, which are no dependency of the project),
// on a test edition that prints a character none of them has. Its error is the JSON document's
// under --json, with nothing on stderr, as for every other command; without --json, on stderr.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, buildCli, cli, readJson, temp } from './helpers.mjs';

/** Inside the project, so that the command's own packages (subset-font …) resolve from its node_modules. */
const HERE = join(ROOT, 'node_modules/.cache/e-paper-tests/fonts-cli');
const COMMAND = join(HERE, 'dist/cli/e-paper.js');
/** A character of level 3 of 通用规范汉字表, in no UI string: the stand-in packages have no glyph for it. */
const RARE = '龘';

/** A stand-in for a @fontsource package: one CSS file declaring the UI font for `weight`, and a licence. */
function fakePackage(name, weight) {
  const dir = join(HERE, 'node_modules', name);
  mkdirSync(join(dir, 'files'), { recursive: true });
  const uiFont = readdirSync(join(ROOT, 'src/i18n')).find((file) => /^ui-font-\w+\.woff2$/.test(file));
  copyFileSync(join(ROOT, 'src/i18n', uiFont), join(dir, 'files/face.woff2'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.0-test' }));
  writeFileSync(join(dir, 'LICENSE'), 'A test stand-in (the viewer UI font, SIL Open Font License 1.1), not the real package.\n');
  writeFileSync(
    join(dir, `${weight}.css`),
    `@font-face { font-family: 'Test'; font-style: normal; font-weight: ${weight}; src: url(./files/face.woff2) format('woff2'); unicode-range: U+0-10FFFF; }\n`,
  );
}

/** Runs the copied command (see {@link cli}). */
const fonts = (args) => cli(['fonts', ...args], { bin: COMMAND });

/** A one-page test edition (not a real paper) whose headline prints {@link RARE}. */
function edition() {
  const dir = temp('e-paper-fonts-');
  const path = join(dir, 'edition.json');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'e-paper/1',
      id: 'fonts-test',
      date: '2021-01-08',
      title: '文字',
      lang: 'zh-CN',
      pages: [{ id: 'A1', label: '一', width: 100, height: 100, blocks: [] }],
      articles: [{ id: 'a1', headline: `${RARE}字`, paragraphs: ['文字'] }],
    }),
  );
  return path;
}

describe('e-paper fonts: an error after the cut', () => {
  before(() => {
    buildCli();
    rmSync(HERE, { recursive: true, force: true });
    mkdirSync(join(HERE, 'dist/cli'), { recursive: true });
    copyFileSync(BIN, COMMAND);
    fakePackage('@fontsource/noto-serif-sc', 400);
    fakePackage('@fontsource/noto-sans-sc', 900);
    fakePackage('@fontsource/ma-shan-zheng', 400);
  });

  it('--json: the error is in the document (ok, exitCode, error), stderr is empty', () => {
    const path = edition();
    const run = fonts([path, '--exact', '--json']);
    assert.equal(run.stderr, '', 'nothing on stderr');
    assert.equal(run.code, 1);
    assert.equal(run.json.command, 'fonts');
    assert.equal(run.json.ok, false);
    assert.equal(run.json.exitCode, 1);
    // One line a role: the headline's and the body's faces lack it.
    assert.deepEqual(
      run.json.error.split('\n').map((line) => line.replace(/ has no glyph.*/, '')),
      ['headline: @fontsource/noto-sans-sc 900', 'body: @fontsource/noto-serif-sc 400'],
    );
    assert.match(run.json.error, new RegExp(`has no glyph for 1 printed character\\(s\\): ${RARE} U\\+9F98\\.`));
    assert.ok(Array.isArray(run.json.log) && run.json.log.some((line) => /^wrote/.test(line)), 'the log says what was written');
    // The files are written all the same.
    assert.ok(readJson(path).fonts.length > 0, 'the fonts field');
  });

  it('without --json, the error is on stderr', () => {
    const run = fonts([edition(), '--exact']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`error: headline: .* no glyph .*${RARE}`));
    assert.doesNotMatch(run.stdout, /no glyph/);
  });
});
