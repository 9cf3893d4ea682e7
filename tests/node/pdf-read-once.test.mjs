// PDF.js reads a page's content once for its drawing and the importer's rules, boxes and images
// (src/cli/pdf/drawn-operators.ts), with the same content as when the operators are asked for
// apart; and the display optimiser's groups of images are read where each image stands.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, temp, importSources } from './helpers.mjs';

// Taken before PDF.js is loaded: its core-js replaces these, and the loader puts them back.
const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
let m;
let packages;
const work = temp('e-paper-pdf-once-');
after(() => rmSync(work, { recursive: true, force: true }));

before(async () => {
  // In the tests' cache under node_modules/.cache/, where the command's finder looks for scripts/pdf/ two folders up.
  m = await importSources('pdf-read-once', ['cli/pdf/load.ts', 'cli/pdf/read.ts', 'cli/pdf/import-pdf.ts', 'cli/pdf/drawn-operators.ts']);
  packages = await m.loadPdfPackages();
});

/** `page` with its calls to PDF.js's readings counted. */
function counted(page) {
  const calls = { getOperatorList: 0, getTextContent: 0 };
  for (const name of Object.keys(calls)) {
    const original = page[name].bind(page);
    page[name] = (...args) => {
      calls[name]++;
      return original(...args);
    };
  }
  return calls;
}

describe('import pdf: each page read once', () => {
  it('leaves the built-ins that PDF.js replaces as Node made them', () => {
    assert.ok(globalThis.pdfjsWorker, 'PDF.js and its worker are loaded');
    assert.equal(Array.prototype.push, natives.push);
    assert.equal(JSON.parse, natives.parse);
    assert.equal(JSON.stringify, natives.stringify);
  });

  it('draws and reads A1 from one reading of its operators, with the content read apart', async () => {
    const file = join(ROOT, 'tests/fixtures/pdf/a1.pdf');
    const doc = await m.openPdf(readFileSync(file), file, packages);
    try {
      const page = await doc.getPage(1);
      const calls = counted(page);
      const options = { widths: [400], format: 'webp', quality: 80, out: work, stem: 'A1' };
      const { content, written, scan } = await m.drawAndReadPage(page, packages, file, options);
      await written;
      assert.deepEqual(calls, { getOperatorList: 0, getTextContent: 1 });
      assert.equal(scan.width, 400);
      assert.ok(content.rules.length > 10 && content.fills.length > 0 && content.runs.length > 100);
      page.cleanup();
      // The operators asked for apart (PDF.js's unoptimised list) give the same content.
      const fresh = await doc.getPage(1);
      const apart = await m.readPage(fresh, packages, file);
      assert.deepEqual(content, apart);
    } finally {
      await doc.destroy();
    }
  });

  it('takes the operators of the drawing, not those an earlier getOperatorList() fetched', async () => {
    const file = join(ROOT, 'tests/fixtures/pdf/continued-A02.pdf');
    const doc = await m.openPdf(readFileSync(file), file, packages);
    try {
      const page = await doc.getPage(1);
      assert.equal(m.drawnOperators(page), undefined, 'nothing drawn yet');
      const asked = await page.getOperatorList();
      assert.equal(m.drawnOperators(page), undefined, 'still nothing drawn');
      const { written } = await m.drawAndReadPage(page, packages, file, {
        widths: [300],
        format: 'jpeg',
        quality: 70,
        out: work,
        stem: 'A2',
      });
      await written;
      const drawn = m.drawnOperators(page);
      assert.ok(drawn && drawn.fnArray !== asked.fnArray && drawn.fnArray.length > 0);
    } finally {
      await doc.destroy();
    }
  });

  it("reads the display optimiser's grouped images where each image stands", async () => {
    const { OPS } = packages.pdfjs;
    /** A page of no text whose operators are `list` (a stand-in: only what readPage asks of a page). */
    const page = {
      getViewport: () => ({ width: 600, height: 800, transform: [1, 0, 0, -1, 0, 800] }),
      getTextContent: async () => ({ items: [], styles: {} }),
      getOperatorList: async () => assert.fail('the drawn operators were given'),
      commonObjs: { has: () => false, get: () => undefined },
    };
    const read = (fnArray, argsArray) => m.readPage(page, packages, 'stand-in', { fnArray, argsArray }).then((c) => c.images);
    const one = (op, t) => [
      [OPS.save, OPS.transform, op, OPS.restore],
      [[], t, [{}], []],
    ];
    const apart = async (op, transforms) => {
      const parts = transforms.map((t) => one(op, t));
      return read(
        parts.flatMap((p) => p[0]),
        parts.flatMap((p) => p[1]),
      );
    };
    const at = [10, 20, 110, 20, 210, 300];
    const positions = (sx, sy) => [0, 2, 4].map((k) => [sx, 0, 0, sy, at[k], at[k + 1]]);
    assert.deepEqual(
      await read([OPS.paintImageXObjectRepeat], [['img', 50, 40, at]]),
      await apart(OPS.paintImageXObject, positions(50, 40)),
    );
    assert.deepEqual(
      await read([OPS.paintImageMaskXObjectRepeat], [[{}, 30, 0, 0, 20, at]]),
      await apart(OPS.paintImageMaskXObject, positions(30, 20)),
    );
    const skewed = [
      [20, 5, -5, 20, 40, 60],
      [10, 0, 0, 10, 300, 400],
    ];
    assert.deepEqual(
      await read([OPS.paintImageMaskXObjectGroup], [[skewed.map((transform) => ({ transform }))]]),
      await apart(OPS.paintImageMaskXObject, skewed),
    );
    assert.deepEqual(
      await read([OPS.paintInlineImageXObjectGroup], [[{}, skewed.map((transform) => ({ transform, x: 0, y: 0, w: 1, h: 1 }))]]),
      await apart(OPS.paintInlineImageXObject, skewed),
    );
    assert.equal((await read([OPS.paintImageXObjectRepeat], [['img', 50, 40, at]])).length, 3);
  });
});
