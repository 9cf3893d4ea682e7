// Writes schema/edition-v1.schema.json and schema/page-v1.schema.json from the valibot schemas,
// the format's one source of truth, and src/edition/schema-check.ts, the same schemas compiled
// to a check without valibot (scripts/schema-check.mjs). `--check` writes nothing and exits 1
// when a file differs from what it would write.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { schemaCheckModule } from './schema-check.mjs';

/** The files `npm run schema` writes, by path, with their text. */
export async function schemaFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'e-paper-schema-'));
  try {
    const out = join(dir, 'schema.mjs');
    // One bundle, so that the check functions in the schema are the very ones named here.
    await build({
      stdin: {
        contents: [
          "export * from './src/edition/json-schema.ts';",
          "export { EditionSchema, PageFileSchema } from './src/edition/schema.ts';",
          "export { notReserved } from './src/edition/constants.ts';",
          "export * as caps from './src/edition/caps.ts';",
        ].join('\n'),
        resolveDir: resolve('.'),
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: out,
      logLevel: 'error',
    });
    const { editionJsonSchema, pageFileJsonSchema, EditionSchema, PageFileSchema, notReserved, caps } = await import(
      pathToFileURL(out).href
    );
    const checkFile = 'src/edition/schema-check.ts';
    const check = schemaCheckModule(
      { isEdition: EditionSchema, isPageFile: PageFileSchema },
      {
        known: new Map([[notReserved, 'notReserved']]),
        imports: "import { notReserved } from './constants.js';",
        copies: { ...caps },
        copiedFrom: 'caps.ts',
      },
    );
    return {
      'schema/edition-v1.schema.json': JSON.stringify(editionJsonSchema(), null, 2) + '\n',
      'schema/page-v1.schema.json': JSON.stringify(pageFileJsonSchema(), null, 2) + '\n',
      [checkFile]: await format(check, { ...(await resolveConfig(checkFile)), filepath: checkFile }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stale = [];
  for (const [file, text] of Object.entries(await schemaFiles())) {
    if (process.argv.includes('--check')) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(file);
      continue;
    }
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
  if (stale.length) {
    console.error(`out of date (run npm run schema): ${stale.join(', ')}`);
    process.exitCode = 1;
  }
}
