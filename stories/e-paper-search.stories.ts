import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { a1Loader, type A1Loaded } from './support/edition.js';
import { actions } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface SearchArgs {
  open: boolean;
  query: string;
  lang?: 'zh-CN' | 'en';
  textlang?: string;
  [knob: `--e-paper-${string}`]: unknown;
}

const EVENTS = ['e-paper-search-select', 'e-paper-search-query', 'e-paper-search-close'];

/** A phrase of the A1 edition: ten matches in three articles. */
const PHRASE = '疫情防控';

const meta = {
  title: 'Parts/e-paper-search',
  component: 'e-paper-search',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition } = context.loaded as A1Loaded;
    // The panel hangs from the bar's box, as from the viewer's toolbar.
    return html`<div ${cssProps({ 'padding-top': '40px', 'min-height': '560px', 'max-width': '640px' })}><div ${cssProps({ position: 'relative', display: 'flex', 'justify-content': 'flex-end' })}>
      <e-paper-search
        .edition=${edition}
        ?open=${args.open}
        query=${args.query}
        lang=${args.lang ?? 'zh-CN'}
        textlang=${edition.lang}
        ${cssProps(knobValues(args))}
        ${actions(args, EVENTS)}
      ></e-paper-search>
    </div></div>`;
  },
  args: { open: true, query: '', lang: 'zh-CN' },
  argTypes: {
    open: { control: 'boolean' },
    query: { control: 'text' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    textlang: { control: false },
    ...knobArgTypes(['Search', 'Toolbar', 'Viewer UI', 'Typefaces']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'Full-text search of the edition (搜索本期): a field and one result per place (paragraph, headline, caption) with its first match in context and a count of the others, grouped by page. Typing settles into ' +
          '`query` and fires `e-paper-search-query` (the viewer highlights it on the page); choosing a match fires ' +
          '`e-paper-search-select`. Enter picks the first match, arrows move, Escape clears, then closes (set `open` again in Controls).',
      },
      // Opening focuses the field: a frame of its own for each story, so that the docs page does not jump.
      story: { inline: false, iframeHeight: 640 },
    },
  },
} satisfies Meta<SearchArgs>;

export default meta;
type Story = StoryObj<SearchArgs>;

/** Just opened: the empty field, focused. */
export const Open: Story = {};

/** A query of the A1 edition: one result per place, the match marked. */
export const WithQuery: Story = { name: 'With a query', args: { query: PHRASE } };

/** English UI (the edition's text stays Chinese). */
export const English: Story = { args: { lang: 'en', query: PHRASE } };

/** A query with no match. */
export const NoResults: Story = { name: 'No results', args: { query: '火星' } };
