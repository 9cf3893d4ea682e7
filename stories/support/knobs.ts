/**
 * Every `--e-paper-*` custom property (theme knob), grouped by what it styles, with its default as
 * the components fall back to it. The knobs inherit: set on `<e-paper>` (or any ancestor), they
 * reach every part inside its shadow roots.
 *
 * The names and defaults are the custom-elements manifest's (JSDoc `@cssprop` of each element);
 * tests/stories.test.ts checks that this list and custom-elements.json agree.
 */
import type { ArgTypes } from '@storybook/web-components';

export type KnobCategory = 'Size' | 'Page' | 'Pages' | 'Regions' | 'Tooltip' | 'Toolbar' | 'Search' | 'Viewer UI' | 'Reader' | 'Typefaces';

export interface Knob {
  name: `--e-paper-${string}`;
  category: KnobCategory;
  kind: 'color' | 'length' | 'number' | 'font';
  /** What the component falls back to; a description when the fallback is not one value. */
  default: string;
  description: string;
}

export const KNOB_CATEGORIES: readonly KnobCategory[] = [
  'Size',
  'Page',
  'Regions',
  'Tooltip',
  'Toolbar',
  'Viewer UI',
  'Reader',
  'Typefaces',
];

export const KNOBS: readonly Knob[] = [
  {
    name: '--e-paper-height',
    category: 'Size',
    kind: 'length',
    default: '85vh',
    description: 'Height of the viewer when the host page does not size it.',
  },

  { name: '--e-paper-surface', category: 'Page', kind: 'color', default: '#e9e6df', description: 'Background around the page.' },
  {
    name: '--e-paper-paper',
    category: 'Page',
    kind: 'color',
    default: '#fbf8f1',
    description: 'Paper colour (also the reader’s, unless --e-paper-reader-paper is set).',
  },
  {
    name: '--e-paper-ink',
    category: 'Page',
    kind: 'color',
    default: '#1a1a1a',
    description: 'Text colour on the page; rules and muted text are mixed from ink and paper.',
  },
  {
    name: '--e-paper-accent',
    category: 'Page',
    kind: 'color',
    default: '#c8161d',
    description: 'Masthead, banners (white text on it) and accents, on the page and in the reader.',
  },

  {
    name: '--e-paper-region-tint',
    category: 'Regions',
    kind: 'color',
    default: 'rgb(200 22 29 / 0.08)',
    description: 'Fill of a hovered or focused article.',
  },
  {
    name: '--e-paper-region-outline',
    category: 'Regions',
    kind: 'color',
    default: '#c8161d',
    description: 'Outline of a hovered or focused article.',
  },
  {
    name: '--e-paper-region-read-tint',
    category: 'Regions',
    kind: 'color',
    default: 'rgb(0 0 0 / 0.035)',
    description: 'Fill of an article already read.',
  },

  {
    name: '--e-paper-search-hit',
    category: 'Search',
    kind: 'color',
    default: '#ffe066',
    description: 'Background of a search match on the page, in the reader and in the results.',
  },
  {
    name: '--e-paper-search-hit-ink',
    category: 'Search',
    kind: 'color',
    default: '#1a1a1a',
    description: 'Text colour of a search match.',
  },
  {
    name: '--e-paper-thumb-width',
    category: 'Pages',
    kind: 'length',
    default: '72px',
    description: 'Width of a page thumbnail in the page strip.',
  },

  { name: '--e-paper-tooltip-bg', category: 'Tooltip', kind: 'color', default: '#1f1f1f', description: 'Tooltip (and notice) background.' },
  { name: '--e-paper-tooltip-ink', category: 'Tooltip', kind: 'color', default: '#fff', description: 'Tooltip (and notice) text colour.' },

  {
    name: '--e-paper-toolbar-bg',
    category: 'Toolbar',
    kind: 'color',
    default: 'rgb(255 255 255 / 0.94)',
    description: 'Background of the toolbar and the contents list.',
  },
  {
    name: '--e-paper-toolbar-ink',
    category: 'Toolbar',
    kind: 'color',
    default: '#1f1f1f',
    description: 'Icons and text of the toolbar (defaults to --e-paper-ui-ink).',
  },

  {
    name: '--e-paper-ui-ink',
    category: 'Viewer UI',
    kind: 'color',
    default: '#1f1f1f',
    description: 'Text colour of the viewer’s own controls and messages.',
  },
  { name: '--e-paper-focus', category: 'Viewer UI', kind: 'color', default: '#1a73e8', description: 'Focus ring colour, everywhere.' },
  {
    name: '--e-paper-hint-bg',
    category: 'Viewer UI',
    kind: 'color',
    default: 'rgb(20 20 20 / 0.78)',
    description: 'Background of the “hold Ctrl to zoom” hint.',
  },
  { name: '--e-paper-hint-ink', category: 'Viewer UI', kind: 'color', default: '#fff', description: 'Text colour of the zoom hint.' },

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
    name: '--e-paper-reader-paper',
    category: 'Reader',
    kind: 'color',
    default: '#fbf8f1',
    description: 'Reader paper (light theme); falls back to --e-paper-paper.',
  },
  {
    name: '--e-paper-reader-ink',
    category: 'Reader',
    kind: 'color',
    default: '#1a1a1a',
    description: 'Reader text (light theme); falls back to --e-paper-ink.',
  },
  {
    name: '--e-paper-reader-paper-dark',
    category: 'Reader',
    kind: 'color',
    default: '#1c1b18',
    description: 'Reader paper in the dark theme.',
  },
  {
    name: '--e-paper-reader-ink-dark',
    category: 'Reader',
    kind: 'color',
    default: '#e8e3d8',
    description: 'Reader text in the dark theme.',
  },
  {
    name: '--e-paper-reader-backdrop',
    category: 'Reader',
    kind: 'color',
    default: 'rgb(20 18 14 / 0.62)',
    description: 'The veil over the page behind the reader.',
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
