// Writes schema/edition-v1.schema.json from the valibot schema, the format's one source of truth.
import { build } from 'esbuild';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'e-paper-schema-'));
try {
  const out = join(dir, 'schema.mjs');
  await build({ entryPoints: ['src/edition/json-schema.ts'], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
  const { editionJsonSchema } = await import(pathToFileURL(out).href);
  writeFileSync('schema/edition-v1.schema.json', JSON.stringify(editionJsonSchema(), null, 2) + '\n');
  console.log('wrote schema/edition-v1.schema.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
