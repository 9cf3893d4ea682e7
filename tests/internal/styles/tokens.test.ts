/**
 * The design tokens and the parts, against their documentation (after Material Web's token
 * tests): every public `--e-paper-*` property an element's styles read is documented on it in
 * the manifest (and so the README): a part by its JSDoc `@cssprop`, `<e-paper>` by the manifest's
 * plugin from its TOKEN_DOCS and the token tables; with the default the token table gives;
 * every documented one is read; no stylesheet states a default of its own; and the viewer's
 * parts are the ones its children render and it forwards.
 */
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative, LitElement } from 'lit';
import '../../../src/index.js';
import { define } from '../../../src/define.js';
import { EPaper, EPaperPage, EPaperViewport } from '../../../src/exports.js';
import {
  EPaperArchive,
  EPaperContents,
  EPaperFullscreen,
  EPaperOverview,
  EPaperPages,
  EPaperReader,
  EPaperSearch,
  EPaperTextView,
  EPaperToolbar,
  EPaperTooltip,
} from '../../../src/elements.js';
import { TOKENS, tokenStyles, darkTokens } from '../../../src/internal/styles/tokens.js';
import { READER_TOKENS, readerDarkTokens, readerTokens } from '../../../src/elements/e-paper-reader/e-paper-reader.styles.js';
import { OVERVIEW_TOKENS, overviewTokens } from '../../../src/elements/e-paper-overview/e-paper-overview.styles.js';
import { lightStyles } from '../../../src/elements/e-paper-page/region-light.js';
import { multiPageEdition } from '../../../scripts/editions-from-a1.js';
import { A1_URL, loadA1, mountViewer, until } from '../../helpers.js';

interface Item {
  name: string;
  default?: string;
}
interface Declaration {
  tagName?: string;
  cssProperties?: Item[];
  cssParts?: Item[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

const CLASSES: Record<string, typeof LitElement> = {
  'e-paper': EPaper,
  'e-paper-page': EPaperPage,
  'e-paper-toolbar': EPaperToolbar,
  'e-paper-viewport': EPaperViewport,
  'e-paper-archive': EPaperArchive,
  'e-paper-contents': EPaperContents,
  'e-paper-pages': EPaperPages,
  'e-paper-reader': EPaperReader,
  'e-paper-search': EPaperSearch,
  'e-paper-tooltip': EPaperTooltip,
  'e-paper-overview': EPaperOverview,
  'e-paper-fullscreen': EPaperFullscreen,
  'e-paper-text-view': EPaperTextView,
};

/** Public tokens with no default of their own (the edition's faces), read where they are used. */
const WITHOUT_DEFAULT = ['--e-paper-font-body', '--e-paper-font-headline'];

const table = new Map([...TOKENS, ...READER_TOKENS, ...OVERVIEW_TOKENS].map(([name, light, dark]) => [name, { light, dark }]));
const cssText = (style: CSSResultOrNative) =>
  'cssText' in style ? style.cssText : [...(style as CSSStyleSheet).cssRules].map((r) => r.cssText).join('\n');

/** Styles an element adds once a lazy module of its own is in (the page's region lights). */
const LAZY_STYLES = new Map<string, CSSResultOrNative[]>([['e-paper-page', [lightStyles]]]);

/** The element's own styles: every sheet but the token tables, without the dark values it sets. */
function ownStyles(element: typeof LitElement): string {
  const tables = new Set([tokenStyles.cssText, readerTokens.cssText, overviewTokens.cssText]);
  const lazy = [...LAZY_STYLES].flatMap(([tag, styles]) => (CLASSES[tag] === element ? styles : []));
  return [...(element.elementStyles ?? []), ...lazy]
    .map(cssText)
    .filter((text) => !tables.has(text))
    .join('\n')
    .split(darkTokens.cssText)
    .join('')
    .split(readerDarkTokens.cssText)
    .join('');
}

/** The public properties an element's styles read: through the private tokens (and those their defaults follow), or directly. */
function publicTokensRead(element: typeof LitElement): Set<string> {
  const css = ownStyles(element);
  const names = new Set<string>();
  const add = (name: string) => {
    const token = table.get(name);
    if (!token || names.has(`--e-paper-${name}`)) return;
    names.add(`--e-paper-${name}`);
    if (token.dark) names.add(`--e-paper-${name}-dark`);
    for (const [, follows] of `${token.light} ${token.dark ?? ''}`.matchAll(/var\(--_([a-z-]+)\)/g)) add(follows);
  };
  for (const [, name] of css.matchAll(/var\(--_([a-z-]+)/g)) add(name);
  for (const [, name] of css.matchAll(/var\((--e-paper-[a-z-]+)/g)) names.add(name);
  return names;
}

/** A default as the browser computes it (a colour), or as written; `--e-paper-x` for a default that follows token x. */
function normal(value: string): string {
  const follows = /^var\(--_([a-z-]+)\)$/.exec(value);
  if (follows) return `--e-paper-${follows[1]}`;
  const probe = document.createElement('i');
  probe.style.color = value;
  if (!probe.style.color) return value;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

let manifest: Manifest;
const declaration = (tag: string) => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)!;

describe('design tokens', () => {
  before(async () => {
    await define();
    manifest = (await (await fetch(new URL('../../../custom-elements.json', import.meta.url))).json()) as Manifest;
  });

  it('no stylesheet states a default: every public property is read through the token tables', () => {
    for (const [tag, element] of Object.entries(CLASSES)) {
      const direct = [...ownStyles(element).matchAll(/var\((--e-paper-[a-z-]+)/g)].map((m) => m[1]);
      expect(
        direct.filter((name) => !WITHOUT_DEFAULT.includes(name)),
        `<${tag}> reads these public properties directly`,
      ).to.deep.equal([]);
    }
  });

  for (const tag of Object.keys(CLASSES)) {
    it(`<${tag}> documents exactly the tokens its styles read`, () => {
      const read =
        tag === 'e-paper' ? new Set(Object.values(CLASSES).flatMap((c) => [...publicTokensRead(c)])) : publicTokensRead(CLASSES[tag]);
      const documented = (declaration(tag).cssProperties ?? []).map((p) => p.name);
      expect([...read].filter((name) => !documented.includes(name)).sort(), 'read but not documented').to.deep.equal([]);
      expect(documented.filter((name) => !read.has(name)).sort(), 'documented but not read').to.deep.equal([]);
    });
  }

  it('<e-paper> documents every token of the tables, with a dark value for each colour', () => {
    const documented = new Set((declaration('e-paper').cssProperties ?? []).map((p) => p.name));
    for (const [name, { light, dark }] of table) {
      expect(documented.has(`--e-paper-${name}`), `--e-paper-${name}`).to.be.true;
      if (dark) expect(documented.has(`--e-paper-${name}-dark`), `--e-paper-${name}-dark`).to.be.true;
      const probe = document.createElement('i');
      probe.style.color = light;
      const isColour = probe.style.color !== '' || /^var\(--_/.test(light);
      expect(!!dark, `--e-paper-${name} is a colour: it needs a dark value`).to.equal(isColour);
    }
  });

  it('the documented defaults are the tables’ (each stated once, in the table)', () => {
    for (const [tag] of Object.entries(CLASSES)) {
      for (const property of declaration(tag).cssProperties ?? []) {
        if (WITHOUT_DEFAULT.includes(property.name)) {
          expect(property.default, `${property.name} of <${tag}>`).to.be.undefined;
          continue;
        }
        const [, name, isDark] = /^--e-paper-(.+?)(-dark)?$/.exec(property.name)!;
        const token = table.get(name) ?? table.get(`${name}${isDark ?? ''}`);
        expect(token, `${property.name} of <${tag}> is in a token table`).to.exist;
        const expected = isDark && table.has(name) ? token!.dark! : token!.light;
        const documented = property.default?.startsWith('--e-paper-') ? property.default.replace(/-dark$/, '') : property.default;
        expect(normal(documented ?? ''), `default of ${property.name} on <${tag}>`).to.equal(normal(expected));
      }
    }
  });
});

describe('parts', () => {
  /** Parts that stay inside: the viewport's box and stage carry the pan and zoom; a site's styles there would break them. */
  const NOT_FORWARDED: Record<string, string[]> = { 'e-paper-viewport': ['box', 'stage'] };
  let el: EPaper;

  before(async () => {
    manifest ??= (await (await fetch(new URL('../../../custom-elements.json', import.meta.url))).json()) as Manifest;
    const edition = multiPageEdition(await loadA1(), 3, { fontBase: A1_URL });
    el = await mountViewer<EPaper>((e) => {
      e.noPersist = true;
      // The text view over the page (which stays, hidden): both render their parts.
      e.setAttribute('view', 'text');
      e.offline = true;
      e.archive = '/fixtures/archive.json?days=30&last=2021-01-08';
      e.edition = edition;
    });
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('e-paper-archive')?.shadowRoot?.querySelector('.date'), 'the archive picker');
    await until(() => !!root.querySelector('e-paper-pages')?.shadowRoot?.querySelector('nav'), 'the page strip');
    await until(() => !!root.querySelector('e-paper-text-view')?.shadowRoot?.querySelector('li'), 'the text view');
    root.querySelector<HTMLButtonElement>('.search-toggle')!.click();
    await until(() => !!root.querySelector('e-paper-search')?.shadowRoot?.querySelector('input'), 'the search');
    el.openArticle('a6');
    await until(() => !!root.querySelector('e-paper-reader')?.shadowRoot?.querySelector('[part~="body"]'), 'the reader');
  });
  after(() => el.remove());

  it('every part an element renders is documented on it', () => {
    const walk = (host: Element) => {
      const tag = host.localName;
      const documented = (declaration(tag).cssParts ?? []).map((p) => p.name);
      const rendered = new Set([...host.shadowRoot!.querySelectorAll('[part]')].flatMap((node) => [...node.part]));
      expect(
        [...rendered].filter((part) => !documented.includes(part)),
        `parts of <${tag}>`,
      ).to.deep.equal([]);
      for (const child of host.shadowRoot!.querySelectorAll('*'))
        if (child.shadowRoot && child.localName.startsWith('e-paper-')) walk(child);
    };
    walk(el);
  });

  it('<e-paper> forwards every part of its children (but the viewport’s box and stage) and documents what it forwards', () => {
    // Its own: its buttons in the toolbar (one the text view's toggle), the notice and the error box (neither shown here).
    const own = ['button', 'view-toggle', 'notice', 'error'];
    const rendered = [...el.shadowRoot!.querySelectorAll('[part]')]
      .filter((node) => !node.localName.startsWith('e-paper-'))
      .flatMap((n) => [...n.part]);
    expect(rendered.filter((part) => !own.includes(part))).to.deep.equal([]);
    const forwarded: string[] = [];
    for (const child of el.shadowRoot!.querySelectorAll('[exportparts]')) {
      const mapping = new Map(
        child
          .getAttribute('exportparts')!
          .split(',')
          .map((entry) => entry.split(':').map((s) => s.trim()))
          .map(([inner, outer]) => [inner, outer ?? inner]),
      );
      const childParts = (declaration(child.localName).cssParts ?? []).map((p) => p.name);
      const missing = childParts.filter((part) => !mapping.has(part) && !(NOT_FORWARDED[child.localName] ?? []).includes(part));
      expect(missing, `parts of <${child.localName}> that <e-paper> does not forward`).to.deep.equal([]);
      for (const inner of mapping.keys()) expect(childParts, `<${child.localName}> has a part ${inner}`).to.include(inner);
      forwarded.push(...mapping.values());
    }
    const documented = (declaration('e-paper').cssParts ?? []).map((p) => p.name).sort();
    expect([...new Set([...own, ...forwarded])].sort()).to.deep.equal(documented);
  });
});
