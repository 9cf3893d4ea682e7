// What the UI font is cut from (scripts/ui-text.ts, `npm run fonts:ui`) holds every UI string of
// the sources: each strings table is found here by reading src/ (every exported function that
// calls `localize`, the tables `registerStrings` overrides), called in each built-in language, and
// each of its texts must be among those ui-text.ts gives. A table added without being listed there
// fails here, before its characters can be missing from the font (tests/ui-font.test.ts checks
// that the font covers what ui-text.ts gives).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, importSources } from './helpers.mjs';

/** The TypeScript files under `dir`, as paths relative to src/. */
function sources(dir) {
  return readdirSync(join(ROOT, 'src', dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === 'cli' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each exported strings function of the sources: `export const x = (lang…) => localize(…)` or `export function x(lang…) { … localize(…) }`. */
function stringTables() {
  const found = [];
  for (const file of sources('.')) {
    if (/^i18n\/(localize|languages)\.ts$/.test(file)) continue; // localize itself
    const text = readFileSync(join(ROOT, 'src', file), 'utf8');
    const exported = /^export (?:const (\w+) = \(|function (\w+)\()lang\b[^\n]*\n?/gm;
    for (const match of text.matchAll(exported)) {
      const body = text.slice(match.index, text.indexOf('\n}', match.index) + 2 || undefined);
      const head = match[1] ? match[0] : body;
      if (/\blocalize\(/.test(head)) found.push({ file, name: match[1] ?? match[2] });
    }
  }
  return found;
}

describe('the UI font’s text (scripts/ui-text.ts)', () => {
  it('holds every text of every strings table in the sources, in each built-in language', async () => {
    const tables = stringTables();
    const files = [...new Set(tables.map((t) => t.file))];
    // The overview, full screen, text view, offline and "more" menu tables were once left out.
    for (const name of ['overviewStrings', 'fullscreenStrings', 'textViewStrings', 'offlineStrings', 'toolbarMoreStrings', 'uiStrings'])
      assert.ok(
        tables.some((t) => t.name === name),
        `${name} found in the sources`,
      );
    assert.ok(tables.length >= 16, `${tables.length} tables`);
    // One bundle: the tables and ui-text.ts share the languages loaded.
    const modules = await importSources('ui-text-tables', [...files, relative(join(ROOT, 'src'), join(ROOT, 'scripts/ui-text.ts'))]);
    for (const tags of Object.values(modules.BUILT_IN_TAGS))
      for (const tag of tags) {
        const listed = new Set(await modules.uiTexts(tag));
        for (const { file, name } of tables) {
          const left = [...modules.textsOf(modules[name](tag))].filter((text) => !listed.has(text));
          assert.deepEqual(left, [], `${tag}: ${file} ${name}: texts ui-text.ts does not give`);
        }
      }
  });
});
