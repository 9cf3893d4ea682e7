import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import type { Edition } from '../src/edition/schema.js';
import { cssProps } from '../src/internal/css-props.js';
import { multiPageEdition } from '../scripts/editions-from-a1.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { loadA1, READ_IDS } from './support/edition.js';
import { actions } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface TextViewArgs {
  lang?: 'zh-CN' | 'en';
  /** Story only: how many pages (test copies of A1 after the first). */
  pages: number;
  /** Story only: ids of the articles shown as read (the `readArticles` property). */
  read: string[];
  /** Story only: A1 with a9 an advertisement and a8 a picture without text (not real data). */
  kinds: boolean;
  [knob: `--e-paper-${string}`]: unknown;
}

/** A1, or test copies of it (not real data), as the story's args ask. */
async function editionFor(args: TextViewArgs): Promise<Edition> {
  const { edition, baseUrl } = await loadA1();
  let shown: Edition = args.pages > 1 ? (multiPageEdition(edition, args.pages, { fontBase: baseUrl }) as Edition) : edition;
  if (args.kinds)
    shown = {
      ...shown,
      articles: shown.articles.map((a) =>
        a.id === 'a9' ? { ...a, kind: 'advertisement' as const } : a.id === 'a8' ? { ...a, paragraphs: [a.headline] } : a,
      ),
    };
  return shown;
}

const meta = {
  title: 'Parts/e-paper-text-view',
  component: 'e-paper-text-view',
  tags: ['autodocs'],
  loaders: [async ({ args }) => ({ edition: await editionFor(args as TextViewArgs) })],
  render: (args, context) => {
    const { edition } = context.loaded as { edition: Edition };
    // As tall as the viewer gives it: the list scrolls inside.
    return html`<e-paper-text-view
      ${cssProps({ height: '560px', 'max-width': '760px', ...knobValues(args) })}
      .edition=${edition}
      .pageId=${edition.pages[0].id}
      .readArticles=${new Set(args.read)}
      lang=${args.lang ?? 'zh-CN'}
      ${actions(args, ['e-paper-contents-select'])}
    ></e-paper-text-view>`;
  },
  args: { lang: 'zh-CN', pages: 1, read: [], kinds: false },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    pages: { control: { type: 'range', min: 1, max: 4 }, table: { category: 'Story' } },
    read: { control: 'check', options: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'], table: { category: 'Story' } },
    kinds: { control: 'boolean', table: { category: 'Story' } },
    ...knobArgTypes(['Printed page', 'Viewer UI']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The text view (文字版): the edition as a readable list, page by page in reading order, with kicker, headline, ' +
          'summary and read mark. Choosing an article fires `e-paper-contents-select`; the viewer opens it in the reader. ' +
          'In the viewer: the toolbar’s 文字版 toggle, or `view="text"` / `view="auto"` on `<e-paper>`.',
      },
    },
  },
} satisfies Meta<TextViewArgs>;

export default meta;
type Story = StoryObj<TextViewArgs>;

/** The A1 page's articles. */
export const OnePage: Story = { name: 'One page' };

/** Articles already read are marked ✓. */
export const ReadMarks: Story = { name: 'With read marks', args: { read: [...READ_IDS] } };

/** An advertisement (not listed) and a picture without text (listed by its headline, marked 图片): a test copy of A1. */
export const Kinds: Story = { name: 'Advertisement and picture', args: { kinds: true } };

/** Several pages (test copies of A1): a heading per page, the list scrolling under it. */
export const SeveralPages: Story = { name: 'Several pages', args: { pages: 3 } };

/** English UI (the edition's text stays Chinese). */
export const English: Story = { args: { lang: 'en', pages: 2 } };
