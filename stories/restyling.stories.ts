/**
 * Before/after pairs for the Restyling guide (stories/Restyling.mdx): each pair renders the same
 * element with its defaults and with a few knobs (or `::part` rules) changed. They reuse the
 * elements' own stories' render functions, so what the guide shows is what the elements do.
 */
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { knobArgTypes } from './support/knobs.js';
import viewer from './e-paper.stories.js';
import toolbar from './e-paper-toolbar.stories.js';
import tooltip from './e-paper-tooltip.stories.js';
import reader from './e-paper-reader.stories.js';
import page from './e-paper-page.stories.js';
import type { ViewerExpectation } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

const meta = {
  title: 'Guides/Restyling examples',
  argTypes: knobArgTypes(),
  parameters: {
    docs: {
      description: {
        component: 'Before/after pairs of the Restyling guide: the defaults, then a few `--e-paper-*` knobs changed.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** What a site writes for an example: a rule on the element with the knobs it changes. */
const cssFor = (selector: string, knobs: Record<string, unknown>) => {
  const lines = Object.entries(knobs)
    .filter(([name]) => name.startsWith('--e-paper-'))
    .map(([name, value]) => `  ${name}: ${String(value)};`);
  return `${selector} {\n${lines.join('\n')}\n}`;
};

/** The "after" half of a pair: its CSS is what the guide shows under the pair. */
const after = (story: Story, selector: string, knobs: Record<string, unknown>, extra = ''): Story => ({
  ...story,
  parameters: {
    ...story.parameters,
    docs: { ...story.parameters?.docs, source: { language: 'css', code: `${cssFor(selector, knobs)}${extra}` } },
  },
});

/** A brand's colours for the examples. */
const NAVY = '#1d3557';
const BLUE = '#1d4e89';

// ---- page colours: the whole viewer ----------------------------------------------------------

const viewerStory = (args: Record<string, unknown>): Story => ({
  render: viewer.render as Story['render'],
  args: { ...viewer.args, '--e-paper-height': '440px', ...args },
  parameters: { layout: 'fullscreen', themePadding: '0', fixture: { state: 'ready' } satisfies ViewerExpectation },
});

export const PageBefore: Story = { name: 'Page colours: before', ...viewerStory({}) };
const PAGE = { '--e-paper-surface': '#c9d3dd', '--e-paper-paper': '#fffdf6', '--e-paper-ink': NAVY, '--e-paper-spot': BLUE };
export const PageAfter: Story = { name: 'Page colours: after', ...after(viewerStory(PAGE), 'e-paper', PAGE) };

// ---- toolbar and UI type -----------------------------------------------------------------------

const toolbarStory = (args: Record<string, unknown>): Story => ({
  render: toolbar.render as Story['render'],
  loaders: toolbar.loaders,
  args: { ...toolbar.args, withContents: true, ...args },
  parameters: { themePadding: '16px' },
});

export const ToolbarBefore: Story = { name: 'Toolbar: before', ...toolbarStory({}) };
const TOOLBAR = {
  '--e-paper-toolbar-bg': NAVY,
  '--e-paper-toolbar-ink': '#ffffff',
  '--e-paper-font-ui': 'Georgia, "Noto Serif SC", serif',
  '--e-paper-focus': '#f4a261',
};
export const ToolbarAfter: Story = { name: 'Toolbar: after', ...after(toolbarStory(TOOLBAR), 'e-paper', TOOLBAR) };

// ---- tooltip ------------------------------------------------------------------------------------

const tooltipStory = (args: Record<string, unknown>): Story => ({
  render: tooltip.render as Story['render'],
  loaders: tooltip.loaders,
  args: { ...tooltip.args, article: 'a6', ...args },
  parameters: { docs: { story: { inline: false, iframeHeight: 360 } } },
});

export const TooltipBefore: Story = { name: 'Tooltip: before', ...tooltipStory({}) };
const TOOLTIP = { '--e-paper-tooltip-bg': '#fff3c4', '--e-paper-tooltip-ink': NAVY };
export const TooltipAfter: Story = { name: 'Tooltip: after', ...after(tooltipStory(TOOLTIP), 'e-paper', TOOLTIP) };

// ---- reader ------------------------------------------------------------------------------------

const readerStory = (args: Record<string, unknown>): Story => ({
  render: reader.render as Story['render'],
  loaders: reader.loaders,
  args: { ...reader.args, 'article-id': 'a8', ...args },
  parameters: { docs: { story: { inline: false, iframeHeight: 520 } } },
});

export const ReaderBefore: Story = { name: 'Reader: before', ...readerStory({}) };
const READER = {
  '--e-paper-reader-width': '26em',
  '--e-paper-reader-leading': '2.2',
  '--e-paper-reader-paper': '#f7f9fb',
  // Muted text (bylines, position) is mixed from ink and paper: a dark ink keeps it at 4.5 : 1.
  '--e-paper-reader-ink': '#102a43',
  '--e-paper-reader-backdrop': 'rgb(29 53 87 / 0.55)',
  '--e-paper-spot': BLUE,
};
export const ReaderAfter: Story = { name: 'Reader: after', ...after(readerStory(READER), 'e-paper', READER) };

// ---- read marks ------------------------------------------------------------------------------

const readStory = (args: Record<string, unknown>): Story => ({
  render: page.render as Story['render'],
  loaders: page.loaders,
  args: { ...page.args, scale: 0.2, read: ['a1', 'a2', 'a6'], ...args },
});

export const ReadBefore: Story = { name: 'Read marks: before', ...readStory({}) };
const READ = { '--e-paper-region-read-tint': 'rgb(29 78 137 / 0.16)' };
export const ReadAfter: Story = { name: 'Read marks: after', ...after(readStory(READ), 'e-paper', READ) };

// ---- dark ------------------------------------------------------------------------------------

export const DarkBefore: Story = { name: 'Dark: before', ...viewerStory({ theme: 'light' }) };
/** A site's own dark values: the `-dark` knobs (the rest keep the viewer's dark defaults). */
const DARK = { '--e-paper-surface-dark': '#0f1b2b', '--e-paper-accent-dark': '#ffd166', '--e-paper-accent-ink-dark': NAVY };
export const DarkAfter: Story = {
  name: 'Dark: after',
  ...after(viewerStory({ theme: 'dark', ...DARK }), "e-paper[theme='dark']", DARK),
};

// ---- ::part, for what the knobs do not cover ----------------------------------------------------

/** Rules on the viewer's parts from the host page's own stylesheet. */
const PART_RULES = `
  .restyle-parts e-paper::part(page) {
    filter: sepia(0.4);
    box-shadow: 0 40px 160px rgb(29 53 87 / 0.7);
  }
  .restyle-parts e-paper::part(toolbar) {
    margin: 8px;
    border-radius: 999px;
    padding-inline: 12px;
    box-shadow: 0 4px 16px rgb(29 53 87 / 0.35);
  }
`;

export const PartsBefore: Story = { name: '::part: before', ...viewerStory({}) };
export const PartsAfter: Story = {
  name: '::part: after',
  ...viewerStory({}),
  parameters: {
    ...viewerStory({}).parameters,
    docs: {
      source: {
        language: 'css',
        code: PART_RULES.replaceAll('.restyle-parts ', '')
          .replace(/^\n|\s+$/g, '')
          .replace(/^ {2}/gm, ''),
      },
    },
  },
  render: (args, context) =>
    html`<div class="restyle-parts">
      <style>
        ${PART_RULES}
      </style>
      ${(viewer.render as (a: typeof args, c: typeof context) => unknown)(args, context)}
    </div>`,
};
