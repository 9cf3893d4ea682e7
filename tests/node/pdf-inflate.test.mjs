// PDF.js's Flate streams inflated at once by zlib (src/cli/pdf/inflate.ts): the same bytes as
// Node's DecompressionStream, the same failures (after which PDF.js inflates the stream itself),
// other formats left to Node, and PDF.js reading a page through it.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ROOT, importSources } from './helpers.mjs';

const FIX = join(ROOT, 'tests/fixtures/pdf');
// Node's own, taken before PDF.js's loader puts the at-once one in its place.
const Native = globalThis.DecompressionStream;
let m;
before(async () => {
  // In the tests' cache under node_modules/.cache/, where the command's finder looks for scripts/pdf/ two folders up.
  m = await importSources('pdf-inflate', ['cli/pdf/inflate.ts', 'cli/pdf/load.ts', 'cli/pdf/read.ts']);
});

describe('import pdf: Flate streams inflated at once', () => {
  it('is what PDF.js inflates a page’s streams with', async () => {
    const packages = await m.loadPdfPackages();
    const ours = globalThis.DecompressionStream;
    const formats = [];
    globalThis.DecompressionStream = function (format) {
      const made = new ours(format);
      formats.push([format, made.readable instanceof ReadableStream]);
      return made;
    };
    try {
      const doc = await m.openPdf(readFileSync(join(FIX, 'full-fonts.pdf')), 'full-fonts.pdf', packages);
      const page = await doc.getPage(1);
      const text = await page.getTextContent();
      assert.ok(text.items.length > 100);
      await doc.destroy();
    } finally {
      globalThis.DecompressionStream = ours;
    }
    assert.ok(formats.length > 100, `${formats.length} streams`);
    // Every one inflated by zlib at once, none through Node's web stream.
    assert.deepEqual(
      formats.filter(([, web]) => web),
      [],
    );
  });

  it('gives zlib’s bytes for deflate, fails on a cut stream as Node’s does, and leaves other formats to Node', async () => {
    m.installInflate();
    const inflate = async (format, bytes) => {
      const { readable, writable } = new globalThis.DecompressionStream(format);
      const writer = writable.getWriter();
      await writer.ready;
      writer.write(bytes).then(() => writer.close());
      const chunks = [];
      for await (const chunk of readable) chunks.push(chunk);
      return Buffer.concat(chunks);
    };
    const text = Buffer.from('BT /F1 12 Tf 72 712 Td (株洲日报) Tj ET\n'.repeat(200));
    const packed = deflateSync(text);
    assert.deepEqual(await inflate('deflate', packed), text);
    await assert.rejects(inflate('deflate', packed.subarray(0, packed.length - 20)));
    assert.ok(new globalThis.DecompressionStream('gzip') instanceof Native);
    assert.ok(!(new globalThis.DecompressionStream('deflate') instanceof Native));
  });
});
