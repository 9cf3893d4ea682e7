// The build's minifier of Lit templates (scripts/minify-templates.mjs): CSS and HTML made smaller,
// every expression kept where it stood, and a template it cannot handle left as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates } from '../../scripts/minify-templates.mjs';

const minified = async (code, options) => (await minifyTemplates(code, options))?.code;

test('CSS: a style sheet with an expression as a value and one as a whole declaration block', async () => {
  const out = await minified('const s = css`\n  .a {\n    color: ${c};\n    margin: 0px  1px;\n  }\n  .b {\n    ${hidden}\n  }\n`;');
  assert.equal(out, 'const s = css`.a{color:${c};margin:0 1px}.b{${hidden}}`;');
});

test('CSS: declarations alone (a fragment spread into rules)', async () => {
  // Lightning CSS may order independent declarations its own way.
  const out = await minified('const h = css`\n  position: absolute;\n  width: 1px;\n`;');
  assert.match(out, /^const h = css`[^\s`]+`;$/);
  assert.deepEqual(out.slice(14, -2).split(';').sort(), ['position:absolute', 'width:1px']);
});

test('HTML: whitespace collapses to one space, never none; expressions and bindings stay', async () => {
  const code = 'const t = html`<div  class="a ${b}"  @click=${f}>\n    <span>${x}</span>\n    text\n  </div>`;';
  const out = await minified(code, { html: { conservativeCollapse: true } });
  assert.equal(out, 'const t = html`<div class="a ${b}" @click=${f}> <span>${x}</span> text </div>`;');
});

test('SVG: the line breaks inside an <svg> go', async () => {
  const out = await minified('const i = svg`<svg viewBox="0 0 24 24">\n<path d="M12 7.5v5.5"\n/></svg>`;', {
    html: { conservativeCollapse: true },
  });
  assert.equal(out.includes('\n'), false, out);
  assert.match(out, /<path d="M12 7.5v5.5"\/?>/);
});

test('left as written, with a warning: an expression in an HTML comment; CSS in a module that uses unsafeCSS', async () => {
  const warnings = [];
  const warn = (message) => warnings.push(message);
  const comment = 'const t = html`<p>a</p>   <!-- ${note} -->`;';
  assert.equal(await minifyTemplates(comment, { fileName: 'c.js', warn }), null);
  assert.match(warnings.join('\n'), /c\.js: a html`` template is left as written/);
  const unsafe = 'const s = css`\n  .a { color: ${unsafeCSS(x)}; }\n`;';
  assert.equal(await minifyTemplates(unsafe), null);
});

test('a module that cannot be parsed is left as it was, with a warning naming it', async () => {
  const warnings = [];
  assert.equal(await minifyTemplates('const = css`a`', { fileName: 'bad.js', warn: (m) => warnings.push(m) }), null);
  assert.match(warnings[0], /^bad\.js: not parsed/);
});

test('a source map comes with the code', async () => {
  const result = await minifyTemplates('const s = css`\n  .a { color: red; }\n`;', { fileName: 'm.js' });
  assert.equal(result.map.sources[0], 'm.js');
});
