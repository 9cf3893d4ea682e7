import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { a1Loader, READ_IDS, type A1Loaded } from './support/edition.js';
import { actions } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface PageArgs {
  lang?: 'zh-CN' | 'en';
  /** Story only: how far the sheet is scaled down to fit the canvas (the viewer's viewport does this). */
  scale: number;
  /** Story only: ids of the articles shown as read (the `readArticles` property). */
  read: string[];
  [knob: `--e-paper-${string}`]: unknown;
}

const EVENTS = ['e-paper-region-enter', 'e-paper-region-leave', 'e-paper-region-activate'];

const meta = {
  title: 'Parts/e-paper-page',
  component: 'e-paper-page',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition, page } = context.loaded as A1Loaded;
    // The sheet is page.width × page.height CSS px; scaled here as the viewport would.
    const box = { width: `${page.width * args.scale}px`, height: `${page.height * args.scale}px`, overflow: 'hidden' };
    const sheet = { transform: `scale(${args.scale})`, 'transform-origin': '0 0', width: `${page.width}px` };
    return html`<div ${cssProps(box)}>
      <div ${cssProps(sheet)}>
        <e-paper-page
          .edition=${edition}
          .page=${page}
          .readArticles=${new Set(args.read)}
          lang=${args.lang ?? 'zh-CN'}
          ${cssProps(knobValues(args))}
          ${actions(args, EVENTS)}
        ></e-paper-page>
      </div>
    </div>`;
  },
  args: { lang: 'zh-CN', scale: 0.3, read: [] },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    scale: { control: { type: 'range', min: 0.1, max: 1, step: 0.05 }, table: { category: 'Story' } },
    read: { control: 'check', options: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'], table: { category: 'Story' } },
    ...knobArgTypes(['Printed page', 'Regions', 'Search']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The typeset replica of one page, drawn from the edition’s text at its size in page units, with a focusable ' +
          'region over each article. Inside the viewer it sits in the pan/zoom viewport; here it is scaled down to fit.',
      },
    },
  },
} satisfies Meta<PageArgs>;

export default meta;
type Story = StoryObj<PageArgs>;

/** The A1 page of the demo edition. Hover or Tab to an article to light up its region. */
export const A1: Story = { name: 'A1 page' };

/** Articles already read carry a tint and “read” in their region’s name. */
export const ReadMarks: Story = { name: 'Read marks', args: { read: [...READ_IDS] } };

/** Larger, to look at the type. */
export const Detail: Story = { name: 'At half size', args: { scale: 0.5 } };
