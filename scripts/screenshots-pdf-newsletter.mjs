// Screenshots of the made-up English newsletter (tests/fixtures/pdf/newsletter.pdf, not a real
// one) imported from its PDF, at desktop and phone sizes: the second of the three articles set
// under one rule lit as the pointer rests on its headline (each found as an article of its own),
// then the first opened in the reader with its byline. Imports into demo/editions/.pdf-newsletter/
// (removed afterwards).
//
//   node scripts/build-cli.mjs && node scripts/screenshots-pdf-newsletter.mjs [out-dir]
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { screenshotSession, sizes } from './screenshot-session.mjs';

const stage = 'demo/editions/.pdf-newsletter';
rmSync(stage, { recursive: true, force: true });
const pdf = 'tests/fixtures/pdf/newsletter.pdf';
execFileSync(process.execPath, ['dist/cli/e-paper.js', 'import', 'pdf', pdf, '--date', '2024-05-10', '-o', stage, '-q']);
const { open, base, shoot, close } = await screenshotSession({ settle: 0 });
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script type="module" src="/src/index.ts"></script><style>body{margin:0}e-paper{display:block;height:100vh}</style></head>
<body><e-paper src="/${stage}/edition.json" no-persist></e-paper></body></html>`;
const spanOf = (page, text) => page.locator('e-paper-page .text-layer span', { hasText: text }).first();
try {
  for (const size of sizes()) {
    const page = await open(size);
    await page.route('**/newsletter-shots.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(new URL('/newsletter-shots.html', base).href);
    await spanOf(page, 'School board approves').waitFor();
    await page.waitForTimeout(800);
    const second = await spanOf(page, 'School board approves').boundingBox();
    await page.mouse.move(second.x + second.width / 2, second.y + second.height / 2);
    await shoot(page, `pdf-newsletter-regions-${size.name}`, 300);
    const first = await spanOf(page, 'Library opens new reading').boundingBox();
    await page.mouse.click(first.x + first.width / 2, first.y + first.height / 2);
    await shoot(page, `pdf-newsletter-reader-${size.name}`, 1200);
    await page.context().close();
  }
} finally {
  await close();
  rmSync(stage, { recursive: true, force: true });
}
