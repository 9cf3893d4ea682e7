import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { a1Loader, type A1Loaded } from './support/edition.js';
import { actions } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface ToolbarArgs {
  scale: number;
  'min-scale': number;
  'max-scale': number;
  lang?: 'zh-CN' | 'en';
  /** Story only: put the contents list in the `end` slot, as the viewer does. */
  withContents: boolean;
  'page-count'?: number;
  /** Story only: the toolbar in a phone's width (320 px), where it leaves controls out into its "more" menu. */
  narrow?: boolean;
  [knob: `--e-paper-${string}`]: unknown;
}

const meta = {
  title: 'Parts/e-paper-toolbar',
  component: 'e-paper-toolbar',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition, page, articles } = context.loaded as A1Loaded;
    const toolbar = html`<e-paper-toolbar
      scale=${args.scale}
      min-scale=${args['min-scale']}
      max-scale=${args['max-scale']}
      lang=${args.lang ?? 'zh-CN'}
      page-count=${args['page-count'] ?? 1}
      page-label="A1"
      ${cssProps(knobValues(args))}
      ${actions(args, ['e-paper-toolbar-action'])}
    >
      ${
        args.withContents
          ? html`<e-paper-contents
            slot="end"
            .articles=${articles}
            .pageLabel=${page.label}
            lang=${args.lang ?? 'zh-CN'}
            .textLang=${edition.lang}
          ></e-paper-contents>`
          : nothing
      }
    </e-paper-toolbar>`;
    return args.narrow ? html`<div style="width: 320px">${toolbar}</div>` : toolbar;
  },
  args: { scale: 0.42, 'min-scale': 0.26, 'max-scale': 4, lang: 'zh-CN', withContents: false },
  argTypes: {
    scale: { control: { type: 'number', step: 0.05 } },
    'min-scale': { control: { type: 'number', step: 0.05 } },
    'max-scale': { control: { type: 'number', step: 0.5 } },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    withContents: { name: 'with contents (slot end)', control: 'boolean', table: { category: 'Story' } },
    'page-count': { control: { type: 'number', min: 1, step: 1 } },
    narrow: { name: 'narrow (320 px)', control: 'boolean', table: { category: 'Story' } },
    ...knobArgTypes(['Toolbar', 'Viewer UI', 'Typefaces']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'Zoom controls. The toolbar only asks (`e-paper-toolbar-action`); the owner of the zoom sets `scale`, ' +
          '`min-scale` and `max-scale` back. Buttons at a bound are `aria-disabled` and keep focus.',
      },
    },
  },
} satisfies Meta<ToolbarArgs>;

export default meta;
type Story = StoryObj<ToolbarArgs>;

/** Between the bounds: every button works. */
export const Default: Story = {};

/** At the smallest scale (the fitted page): zoom out is disabled. */
export const AtFit: Story = { name: 'At the smallest scale', args: { scale: 0.26 } };

/** At the largest scale: zoom in is disabled. */
export const AtMax: Story = { name: 'At the largest scale', args: { scale: 4 } };

/** As in the viewer: the contents list (标题导航) in the `end` slot. */
export const WithContents: Story = { name: 'With the contents list', args: { withContents: true } };

/** English labels. */
export const English: Story = { args: { lang: 'en', withContents: true } };

/** A phone's width: the page arrows and the fit buttons are left out of the row, into the "more" (⋯) menu at its end. */
export const Narrow: Story = { name: 'Narrow: the "more" menu', args: { withContents: true, 'page-count': 8, narrow: true } };
