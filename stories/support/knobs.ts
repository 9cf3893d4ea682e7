/**
 * Every `--e-paper-*` custom property (theme knob), grouped by what it styles, with its default as
 * the components fall back to it (src/internal/styles/tokens.ts); each colour with its dark value. The knobs inherit: set on `<e-paper>` (or any ancestor), they
 * reach every part inside its shadow roots.
 *
 * The names and defaults are the custom-elements manifest's (JSDoc `@cssprop` of each element, and
 * e-paper.docs.ts with the token tables for `<e-paper>`);
 * tests/stories.test.ts checks that this list and custom-elements.json agree.
 */
import type { ArgTypes } from '@storybook/web-components';

export type KnobCategory =
  'Size' | 'Printed page' | 'Pages' | 'Regions' | 'Tooltip' | 'Toolbar' | 'Search' | 'Viewer UI' | 'Reader' | 'Typefaces';

export interface Knob {
  name: `--e-paper-${string}`;
  category: KnobCategory;
  kind: 'color' | 'length' | 'number' | 'font';
  /** What the component falls back to; a description when the fallback is not one value. */
  default: string;
  description: string;
}

/** A colour knob and its dark value (`<name>-dark`, which acts in the dark theme instead). */
interface ColourKnob extends Omit<Knob, 'kind'> {
  dark: string;
}

export const KNOB_CATEGORIES: readonly KnobCategory[] = [
  'Size',
  'Printed page',
  'Regions',
  'Tooltip',
  'Toolbar',
  'Search',
  'Pages',
  'Viewer UI',
  'Reader',
  'Typefaces',
];

const COLOURS: readonly ColourKnob[] = [
  {
    name: '--e-paper-paper',
    category: 'Printed page',
    default: '#fbf8f1',
    dark: '#22211e',
    description: 'The printed page’s paper (also the reader’s).',
  },
  {
    name: '--e-paper-ink',
    category: 'Printed page',
    default: '#1a1a1a',
    dark: '#e6e2d8',
    description: 'The printed page’s ink; rules and muted text are mixed from ink and paper.',
  },
  {
    name: '--e-paper-spot',
    category: 'Printed page',
    default: '#c8161d',
    dark: '#ef5350',
    description: 'The printed page’s spot colour: masthead, banners, the ear’s date. Not the site’s accent.',
  },
  { name: '--e-paper-surface', category: 'Viewer UI', default: '#e9e6df', dark: '#121212', description: 'Background around the page.' },
  {
    name: '--e-paper-ui-ink',
    category: 'Viewer UI',
    default: '#1f1f1f',
    dark: '#ececec',
    description: 'Text colour of the viewer’s own controls and messages.',
  },
  {
    name: '--e-paper-accent',
    category: 'Viewer UI',
    default: '#c8161d',
    dark: '#ff8a80',
    description: 'The viewer’s accent (a site’s button colour): page shown, chosen day, read marks. Never the printed page.',
  },
  { name: '--e-paper-accent-ink', category: 'Viewer UI', default: '#fff', dark: '#1a1a1a', description: 'Text and marks on the accent.' },
  { name: '--e-paper-focus', category: 'Viewer UI', default: '#1a73e8', dark: '#8ab4f8', description: 'Focus ring colour, everywhere.' },
  {
    name: '--e-paper-hint-bg',
    category: 'Viewer UI',
    default: 'rgb(20 20 20 / 0.78)',
    dark: 'rgb(242 237 227 / 0.92)',
    description: 'Background of the “hold Ctrl to zoom” hint.',
  },
  { name: '--e-paper-hint-ink', category: 'Viewer UI', default: '#fff', dark: '#1a1a1a', description: 'Text colour of the zoom hint.' },
  {
    name: '--e-paper-region-tint',
    category: 'Regions',
    default: 'rgb(200 22 29 / 0.08)',
    dark: 'rgb(255 138 128 / 0.16)',
    description: 'Fill of a hovered or focused article.',
  },
  {
    name: '--e-paper-region-outline',
    category: 'Regions',
    default: '#c8161d',
    dark: '#ff8a80',
    description: 'Outline of a hovered or focused article.',
  },
  {
    name: '--e-paper-region-read-tint',
    category: 'Regions',
    default: 'rgb(0 0 0 / 0.035)',
    dark: 'rgb(255 255 255 / 0.06)',
    description: 'Fill of an article already read.',
  },
  {
    name: '--e-paper-search-hit',
    category: 'Search',
    default: '#ffe066',
    dark: '#ffe066',
    description: 'Background of a search match on the page, in the reader and in the results.',
  },
  {
    name: '--e-paper-search-hit-ink',
    category: 'Search',
    default: '#1a1a1a',
    dark: '#1a1a1a',
    description: 'Text colour of a search match.',
  },
  {
    name: '--e-paper-tooltip-bg',
    category: 'Tooltip',
    default: '#1f1f1f',
    dark: '#f2ede3',
    description: 'Tooltip (and notice) background.',
  },
  {
    name: '--e-paper-tooltip-ink',
    category: 'Tooltip',
    default: '#fff',
    dark: '#1a1a1a',
    description: 'Tooltip (and notice) text colour.',
  },
  {
    name: '--e-paper-toolbar-bg',
    category: 'Toolbar',
    default: '#fff',
    dark: '#242424',
    description: 'Background of the toolbar and its panels (list, search, calendar, page strip); opaque.',
  },
  {
    name: '--e-paper-toolbar-ink',
    category: 'Toolbar',
    default: '--e-paper-ui-ink',
    dark: '--e-paper-ui-ink-dark',
    description: 'Icons and text of the toolbar and its panels.',
  },
  {
    name: '--e-paper-reader-paper',
    category: 'Reader',
    default: '--e-paper-paper',
    dark: '--e-paper-paper-dark',
    description: 'Reader paper; the page’s paper unless set.',
  },
  {
    name: '--e-paper-reader-ink',
    category: 'Reader',
    default: '--e-paper-ink',
    dark: '--e-paper-ink-dark',
    description: 'Reader text; the page’s ink unless set.',
  },
  {
    name: '--e-paper-reader-backdrop',
    category: 'Reader',
    default: 'rgb(20 18 14 / 0.62)',
    dark: 'rgb(0 0 0 / 0.72)',
    description: 'The veil over the page behind the reader.',
  },
];

export const KNOBS: readonly Knob[] = [
  {
    name: '--e-paper-height',
    category: 'Size',
    kind: 'length',
    default: '85vh',
    description: 'Height of the viewer when the host page does not size it.',
  },
  ...COLOURS.flatMap(({ dark, ...knob }): Knob[] => [
    { ...knob, kind: 'color' },
    { ...knob, kind: 'color', name: `${knob.name}-dark`, default: dark, description: `${knob.name} in the dark theme.` },
  ]),
  {
    name: '--e-paper-thumb-width',
    category: 'Pages',
    kind: 'length',
    default: '72px',
    description: 'Width of a page thumbnail in the page strip.',
  },
  {
    name: '--e-paper-overview-size',
    category: 'Pages',
    kind: 'length',
    default: '160px',
    description: 'The overview map’s longer side (at most a third of a narrow viewer’s width).',
  },
  {
    name: '--e-paper-reader-width',
    category: 'Reader',
    kind: 'length',
    default: '38em',
    description: 'Width of the reader’s column on wide screens (em of its 18 px base size).',
  },
  {
    name: '--e-paper-reader-leading',
    category: 'Reader',
    kind: 'number',
    default: '1.9',
    description: 'Line height of the reader’s body text.',
  },
  {
    name: '--e-paper-font-ui',
    category: 'Typefaces',
    kind: 'font',
    default: 'system-ui',
    description: 'Face of the viewer’s controls and messages (the page keeps the edition’s fonts).',
  },
  {
    name: '--e-paper-font-body',
    category: 'Typefaces',
    kind: 'font',
    default: '(the edition’s body font)',
    description: 'Body face in the reader.',
  },
  {
    name: '--e-paper-font-headline',
    category: 'Typefaces',
    kind: 'font',
    default: '(the edition’s headline font)',
    description: 'Headline face in the reader.',
  },
];

/** Storybook argTypes for the knobs of `categories` (all when absent): a control each, grouped, default shown. */
export function knobArgTypes(categories: readonly KnobCategory[] = KNOB_CATEGORIES): ArgTypes {
  const argTypes: ArgTypes = {};
  for (const knob of KNOBS) {
    if (!categories.includes(knob.category)) continue;
    argTypes[knob.name] = {
      name: knob.name,
      description: knob.description,
      control: knob.kind === 'color' ? { type: 'color' } : { type: 'text' },
      table: {
        category: 'CSS custom properties',
        subcategory: knob.category,
        type: { summary: knob.kind === 'font' ? 'font-family' : knob.kind },
        defaultValue: { summary: knob.default },
      },
    };
  }
  return argTypes;
}

/** The knob values among `args` that are set, for `cssProps()` on the element. */
export function knobValues(args: object): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (name.startsWith('--e-paper-') && typeof value === 'string' && value.trim() !== '') values[name] = value;
  }
  return values;
}
