import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { a1Loader, READ_IDS, type A1Loaded } from './support/edition.js';
import { actions } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface ContentsArgs {
  lang?: 'zh-CN' | 'en';
  pagelabel?: string;
  textlang?: string;
  /** Story only: ids of the articles shown as read (the `readArticles` property). */
  read: string[];
  [knob: `--e-paper-${string}`]: unknown;
}

/** Opens the list, as a click on its button does. */
async function openList(canvasElement: HTMLElement): Promise<void> {
  const contents = canvasElement.querySelector('e-paper-contents')!;
  await (contents as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  contents.shadowRoot!.querySelector<HTMLButtonElement>('button[part="contents-button"]')!.click();
  await (contents as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

const meta = {
  title: 'Parts/e-paper-contents',
  component: 'e-paper-contents',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition, page, articles } = context.loaded as A1Loaded;
    // A bar the panel hangs from, aligned to its end, as in the viewer's toolbar.
    return html`<div ${cssProps({ 'min-height': '520px', 'max-width': '640px' })}><div ${cssProps({ position: 'relative', display: 'flex', 'justify-content': 'flex-end' })}>
      <e-paper-contents
        .articles=${articles}
        .readArticles=${new Set(args.read)}
        pagelabel=${args.pagelabel ?? page.label}
        lang=${args.lang ?? 'zh-CN'}
        textlang=${edition.lang}
        ${cssProps(knobValues(args))}
        ${actions(args, ['e-paper-contents-select', 'e-paper-contents-clear', 'e-paper-contents-undo'])}
      ></e-paper-contents>
    </div></div>`;
  },
  args: { lang: 'zh-CN', read: [] },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    pagelabel: { control: 'text' },
    textlang: { control: false },
    read: { control: 'check', options: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'], table: { category: 'Story' } },
    ...knobArgTypes(['Toolbar', 'Viewer UI']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The list of a page’s articles (标题导航) for readers who prefer a list to the map: a button that opens a panel of ' +
          'headlines in reading order. Choosing one fires `e-paper-contents-select`; the viewer opens it in the reader.',
      },
    },
  },
} satisfies Meta<ContentsArgs>;

export default meta;
type Story = StoryObj<ContentsArgs>;

/** Closed: the button, as it stands in the toolbar. */
export const Closed: Story = {};

/** Open: the A1 articles in reading order. */
export const Open: Story = {
  play: async ({ canvasElement }) => openList(canvasElement),
  parameters: { docs: { story: { autoplay: true } } },
};

/** Articles already read are marked ✓. */
export const ReadMarks: Story = {
  name: 'Open, with read marks',
  args: { read: [...READ_IDS] },
  play: async ({ canvasElement }) => openList(canvasElement),
  parameters: { docs: { story: { autoplay: true } } },
};

/** English UI. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => openList(canvasElement),
  parameters: { docs: { story: { autoplay: true } } },
};
