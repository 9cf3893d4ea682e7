// Writes schema/edition-v1.schema.json and schema/page-v1.schema.json from the valibot schemas,
// the format's one source of truth.
import { build } from 'esbuild';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'e-paper-schema-'));
try {
  const out = join(dir, 'schema.mjs');
  await build({
    entryPoints: ['src/edition/json-schema.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'error',
  });
  const { editionJsonSchema, pageFileJsonSchema } = await import(pathToFileURL(out).href);
  for (const [file, schema] of [
    ['schema/edition-v1.schema.json', editionJsonSchema()],
    ['schema/page-v1.schema.json', pageFileJsonSchema()],
  ]) {
    writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
    console.log(`wrote ${file}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
