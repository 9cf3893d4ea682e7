// Config of `npm run manifest` (@custom-elements-manifest/analyzer): writes custom-elements.json,
// the elements' public API read from their JSDoc (@fires, @slot, @csspart, @cssprop) and Lit
// decorators. Storybook's docs pages and editors' HTML completion read it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Our classes are registered in one place, `ELEMENTS` in src/define.ts and `LAZY_ELEMENTS` in src/lazy-parts.ts
 * (tag name → class), not by `customElements.define` calls beside each class: read the tag names from there.
 * A lazy entry is a loader (`() => import(…).then((m) => m.Class)`, or longer, as the toolbar's, which
 * waits for the UI font first): its class is the one name in it that the analyzer found a class
 * declaration for. A registered tag that finds no class, or two, fails the manifest rather than leave
 * the element out (a loader once ended in `m.Class))`, which a pattern for `m.Class)` missed).
 */
function tagNamesFromDefine() {
  const tags = new Map(); // tag name → the names its entry mentions (one of them its class)
  return {
    name: 'e-paper:tag-names-from-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!/src\/(define|lazy-parts)\.ts$/.test(moduleDoc.path) || !ts.isVariableDeclaration(node)) return;
      const lazy = node.name.getText() === 'LAZY_ELEMENTS';
      if ((!lazy && node.name.getText() !== 'ELEMENTS') || !node.initializer) return;
      let init = node.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (!ts.isObjectLiteralExpression(init)) return;
      for (const prop of init.properties) {
        if (!ts.isPropertyAssignment(prop)) continue;
        const names = new Set();
        (function collect(child) {
          if (ts.isIdentifier(child)) names.add(child.text);
          ts.forEachChild(child, collect);
        })(prop.initializer);
        const tag = ts.isStringLiteral(prop.name) ? prop.name.text : prop.name.getText();
        tags.set(tag, names);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const classes = customElementsManifest.modules.flatMap((mod) =>
        (mod.declarations ?? []).filter((declaration) => declaration.kind === 'class').map((declaration) => ({ mod, declaration })),
      );
      for (const [tag, names] of tags) {
        const found = classes.filter(({ declaration }) => names.has(declaration.name));
        if (found.length !== 1)
          throw new Error(`<${tag}>: ${found.length ? 'two classes' : 'no class'} among the names of its entry (${[...names].join(', ')})`);
        const [{ mod, declaration }] = found;
        declaration.tagName = tag;
        declaration.customElement = true;
        mod.exports = (mod.exports ?? []).filter((e) => !(e.kind === 'custom-element-definition' && e.name === tag));
        mod.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: mod.path } });
      }
    },
  };
}

/**
 * Tidies what the analyzer reads from the classes:
 * - private and protected members (Lit's @state, lifecycle overrides) and `static styles` are no API;
 * - Lit lower-cases the attribute of a `@property()` without an explicit `attribute` (uiLang →
 *   uilang); the analyzer keeps the property's case;
 * - `dispatchEvent(new CustomEvent(name, …))` in a generic helper is read as an event called `name`:
 *   our events are all `e-paper-…`, documented with @fires.
 */
function publicApiOnly() {
  return {
    name: 'e-paper:public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (m) => (m.privacy === undefined || m.privacy === 'public') && !m.name.startsWith('_') && !(m.static && m.name === 'styles'),
            );
            for (const member of declaration.members) if (member.attribute) member.attribute = member.attribute.toLowerCase();
          }
          for (const attribute of declaration.attributes ?? []) attribute.name = attribute.name.toLowerCase();
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('e-paper-'));
        }
      }
    },
  };
}

/** A string written as literals joined by `+` (a token table, a description), or undefined. */
function stringValue(ts, node) {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [left, right] = [stringValue(ts, node.left), stringValue(ts, node.right)];
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/** The top-level `const` initialisers of a TypeScript file, by name. */
function constants(ts, file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = new Map();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.initializer) found.set(declaration.name.getText(), declaration.initializer);
    }
  }
  return found;
}

/** A token table (`table('name light [dark];…')`) as `[name, light, dark?][]`. */
function tokenTable(ts, file, name) {
  const call = constants(ts, file).get(name);
  const entries = call && ts.isCallExpression(call) ? stringValue(ts, call.arguments[0]) : undefined;
  if (entries === undefined) throw new Error(`${file}: no token table ${name}`);
  return entries.split(';').map((entry) => entry.split(' '));
}

/** An object literal of strings (`{ name: 'description' }`) as entries, in order. */
function stringRecord(ts, file, name) {
  let object = constants(ts, file).get(name);
  while (object && (ts.isAsExpression(object) || ts.isParenthesizedExpression(object))) object = object.expression;
  if (!object || !ts.isObjectLiteralExpression(object)) throw new Error(`${file}: no object ${name}`);
  return object.properties.map((property) => {
    const key = ts.isStringLiteral(property.name) ? property.name.text : property.name.getText();
    const value = stringValue(ts, property.initializer);
    if (value === undefined) throw new Error(`${file}: ${name}.${key} is not a string`);
    return [key, value];
  });
}

/**
 * `<e-paper>`'s tokens and parts, written from one place each rather than 100 lines of JSDoc on
 * the class: each token's default (and dark value) from the token tables, its description from
 * TOKEN_DOCS (src/elements/e-paper/e-paper.docs.ts), each `-dark` twin described by itself; the
 * parts from PARTS there. A token of a table without a description fails the manifest.
 */
function viewerTokensAndParts() {
  return {
    name: 'e-paper:viewer-tokens-and-parts',
    packageLinkPhase({ customElementsManifest }) {
      const ts = require('typescript');
      const tables = [
        ...tokenTable(ts, 'src/internal/styles/tokens.ts', 'TOKENS'),
        ...tokenTable(ts, 'src/elements/e-paper-reader/e-paper-reader.styles.ts', 'READER_TOKENS'),
        ...tokenTable(ts, 'src/elements/e-paper-overview/e-paper-overview.styles.ts', 'OVERVIEW_TOKENS'),
      ];
      const defaults = new Map(tables.map(([name, light, dark]) => [name, { light, dark }]));
      const docs = stringRecord(ts, 'src/elements/e-paper/e-paper.docs.ts', 'TOKEN_DOCS');
      const undocumented = tables.map(([name]) => name).filter((name) => !docs.some(([documented]) => documented === name));
      if (undocumented.length) throw new Error(`tokens without a description in TOKEN_DOCS: ${undocumented.join(', ')}`);
      // A default that follows another token (`var(--_ui-ink)`) is written as that token; a colour
      // with alpha, which the table writes short (`#c8161d14`, `rgb(0,0,0,.72)`), as `rgb(r g b / a)`.
      const shown = (value, dark) => {
        const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
        if (hex) {
          const [r, g, b, a] = hex.slice(1).map((h) => parseInt(h, 16));
          return `rgb(${r} ${g} ${b} / ${Math.round((a / 255) * 1000) / 1000})`;
        }
        const rgba = /^rgb\((\d+),(\d+),(\d+),([\d.]+)\)$/.exec(value);
        if (rgba) return `rgb(${rgba[1]} ${rgba[2]} ${rgba[3]} / ${Number(rgba[4])})`;
        return value.replace(/^var\(--_([a-z-]+)\)$/, (_, name) => `--e-paper-${name}${dark ? '-dark' : ''}`);
      };
      const cssProperties = docs.flatMap(([name, description]) => {
        const token = defaults.get(name);
        const light = { description, name: `--e-paper-${name}`, ...(token && { default: shown(token.light, false) }) };
        if (!token?.dark) return [light];
        return [
          light,
          { description: `\`--e-paper-${name}\` in the dark theme.`, name: `--e-paper-${name}-dark`, default: shown(token.dark, true) },
        ];
      });
      const cssParts = stringRecord(ts, 'src/elements/e-paper/e-paper.docs.ts', 'PARTS').map(([name, description]) => ({
        description,
        name,
      }));
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.tagName !== 'e-paper') continue;
          declaration.cssProperties = [...cssProperties, ...(declaration.cssProperties ?? [])];
          declaration.cssParts = [...cssParts, ...(declaration.cssParts ?? [])];
        }
      }
    },
  };
}

/** Modules in path order, so the file is the same whatever order the disk lists the sources in. */
function stableOrder() {
  return {
    name: 'e-paper:stable-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  // The elements and the entry points; the edition format has its own JSON Schema.
  globs: ['src/index.ts', 'src/elements.ts', 'src/define.ts', 'src/lazy-parts.ts', 'src/events/events.ts', 'src/elements/e-paper*/**/*.ts'],
  exclude: ['src/**/*.d.ts', 'src/**/*.styles.ts', 'src/**/*.docs.ts'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" field is set once by hand; the analyzer would rewrite the file.
  packagejson: false,
  plugins: [tagNamesFromDefine(), publicApiOnly(), viewerTokensAndParts(), stableOrder()],
};
