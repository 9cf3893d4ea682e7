// Config of `npm run manifest` (@custom-elements-manifest/analyzer): writes custom-elements.json,
// the elements' public API read from their JSDoc (@fires, @slot, @csspart, @cssprop) and Lit
// decorators. Storybook's docs pages and editors' HTML completion read it.

/**
 * Our classes are registered in one place, `ELEMENTS` in src/define.ts and `LAZY_ELEMENTS` in src/lazy-parts.ts
 * (tag name → class), not by `customElements.define` calls beside each class: read the tag names from there.
 */
function tagNamesFromDefine() {
  const tags = new Map(); // class name → tag name
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
        // ELEMENTS: tag → class; LAZY_ELEMENTS: tag → () => import(…).then((m) => m.Class).
        const className = lazy
          ? /\.(\w+)\)\s*$/.exec(prop.initializer.getText())?.[1]
          : ts.isIdentifier(prop.initializer)
            ? prop.initializer.text
            : undefined;
        if (!className) continue;
        const tag = ts.isStringLiteral(prop.name) ? prop.name.text : prop.name.getText();
        tags.set(className, tag);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = declaration.kind === 'class' ? tags.get(declaration.name) : undefined;
          if (!tag) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          mod.exports = (mod.exports ?? []).filter((e) => !(e.kind === 'custom-element-definition' && e.name === tag));
          mod.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: mod.path } });
        }
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
  exclude: ['src/**/*.d.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" field is set once by hand; the analyzer would rewrite the file.
  packagejson: false,
  plugins: [tagNamesFromDefine(), publicApiOnly(), stableOrder()],
};
