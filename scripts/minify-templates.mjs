// Minifies the CSS and the HTML inside Lit's tagged templates (css``, html``, svg``) of one
// compiled JavaScript module, for the production build (scripts/build.mjs).
//
// Our own, on acorn, magic-string, Lightning CSS and html-minifier-next, because the package we
// used (minify-literals 2.x) claims Node 22 and `npm ci` warned on the Node 20 we support. The
// expressions of a template stay as they are: its static parts are joined with a marker that the
// minified text is split at again, and a template whose markers do not all come back (a marker in
// an HTML comment, say) is left as it was. A module that builds CSS or HTML from strings at run
// time (unsafeCSS, unsafeHTML) keeps that kind of template as written: its pieces may not be
// whole rules or elements.
import { Parser } from 'acorn';
import MagicString from 'magic-string';
import { transform } from 'lightningcss';
import { minify } from 'html-minifier-next';

/** The tags whose templates are CSS, and those whose templates are HTML or SVG. */
const CSS_TAG = /^css$/;
const HTML_TAG = /^(html|svg)$/;

/** What html-minifier-next does to our HTML, beside what the caller gives (`html`). */
const HTML_OPTIONS = {
  caseSensitive: true,
  collapseWhitespace: true,
  decodeEntities: true,
  minifyJS: true,
  removeAttributeQuotes: false,
  removeComments: true,
  removeEmptyAttributes: true,
  removeDefaultTypeAttributes: true,
};

/** Every tagged template of `ast` with a plain identifier for its tag: its tag's name and its static parts. */
function taggedTemplates(ast) {
  const found = [];
  const stack = [ast];
  while (stack.length) {
    const node = stack.pop();
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') {
      found.push({ tag: node.tag.name, quasis: node.quasi.quasis });
    }
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child.type === 'string') stack.push(child);
      }
    }
  }
  return found;
}

/**
 * A marker for the expressions that none of `texts` contains: an at-keyword, so that CSS parses
 * where it stands for a value, a declaration or a rule (an unknown at-rule is kept as written).
 */
function markerFor(texts) {
  let marker = '@EPAPER_EXPR';
  while (texts.some((text) => text.includes(marker))) marker += 'X';
  return marker;
}

const lightning = (code, css) => transform({ filename: 'template.css', code: Buffer.from(code), minify: true, ...css }).code.toString();

/**
 * CSS text minified: a style sheet, or else declarations alone (a fragment such as
 * `visuallyHidden`), minified inside a rule made for it. The marker, standing for an expression,
 * may be a property's name or a value: Lightning CSS may space it (`M : x`) or end it with `;`.
 */
function minifyCss(text, marker, css) {
  let out;
  try {
    out = lightning(text, css);
  } catch {
    const open = '.e-paper-declarations{';
    const wrapped = lightning(`${open}${text}}`, css);
    if (!wrapped.startsWith(open) || !wrapped.endsWith('}')) throw new Error('declarations could not be minified alone');
    out = wrapped.slice(open.length, -1);
  }
  return out.replaceAll(new RegExp(`(${marker})\\s+:\\s*`, 'g'), '$1:').replaceAll(new RegExp(`(${marker})\\s*;(?=})`, 'g'), '$1');
}

/** HTML text minified; the line breaks left inside an `<svg>` go too (whitespace there is never shown). */
async function minifyHtml(text, html) {
  const out = await minify(text, { ...HTML_OPTIONS, ...html });
  return out.replace(/<svg[\s\S]*?(?=<\/svg)/g, (svg) => svg.replace(/\r?\n/g, ''));
}

/**
 * `code` (a module, `fileName` for messages and the map) with its templates minified, and its
 * source map; `null` if nothing changed. `css`: Lightning CSS's options (its `targets`); `html`:
 * html-minifier-next's, over ours. `warn` is told of a template left as it was, and why.
 */
export async function minifyTemplates(code, { fileName = '', css = {}, html = {}, warn = () => {} } = {}) {
  let ast;
  try {
    ast = Parser.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch (error) {
    warn(`${fileName}: not parsed, its templates are left as written (${error.message})`);
    return null;
  }
  const keepCss = code.includes('unsafeCSS');
  const keepHtml = code.includes('unsafeHTML');
  const out = new MagicString(code);
  await Promise.all(
    taggedTemplates(ast).map(async ({ tag, quasis }) => {
      const isCss = CSS_TAG.test(tag) && !keepCss;
      const isHtml = HTML_TAG.test(tag) && !keepHtml;
      if (!isCss && !isHtml) return;
      const texts = quasis.map((quasi) => quasi.value.raw);
      const marker = markerFor(texts);
      const joined = texts.join(marker);
      let minified;
      try {
        minified = isCss
          ? minifyCss(joined, marker, { ...css, minify: true })
          : await minifyHtml(joined, { ...html, minifyCSS: html.minifyCSS ?? css });
      } catch (error) {
        warn(`${fileName}: a ${tag}\`\` template is left as written (${error.message})`);
        return;
      }
      const parts = minified.split(marker);
      if (parts.length !== quasis.length) {
        warn(`${fileName}: a ${tag}\`\` template is left as written (its expressions did not all come back)`);
        return;
      }
      quasis.forEach((quasi, i) => {
        if (quasi.start < quasi.end) out.overwrite(quasi.start, quasi.end, parts[i]);
        else if (parts[i]) out.appendLeft(quasi.start, parts[i]);
      });
    }),
  );
  const result = out.toString();
  if (result === code) return null;
  return { code: result, map: out.generateMap({ file: `${fileName}.map`, source: fileName, hires: true }) };
}
