import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { themeAttribute } from './support/themes.js';
import { a1Loader, type A1Loaded } from './support/edition.js';
import { actions } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface ReaderArgs {
  'article-id': string;
  open: boolean;
  'page-label'?: string;
  lang?: 'zh-CN' | 'en';
  'text-scale': number;
  theme?: '' | 'light' | 'dark';
  'base-url'?: string;
  [knob: `--e-paper-${string}`]: unknown;
}

const EVENTS = ['e-paper-reader-close', 'e-paper-reader-navigate', 'e-paper-reader-text-scale', 'e-paper-reader-progress'];

const meta = {
  title: 'Parts/e-paper-reader',
  component: 'e-paper-reader',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition, baseUrl, page, articles } = context.loaded as A1Loaded;
    return html`<e-paper-reader
      .edition=${edition}
      .articleIds=${articles.map((a) => a.id)}
      article-id=${args['article-id']}
      ?open=${args.open}
      page-label=${args['page-label'] ?? page.label}
      lang=${args.lang ?? 'zh-CN'}
      text-scale=${args['text-scale']}
      theme=${themeAttribute(args, context.globals)}
      base-url=${baseUrl}
      ${cssProps(knobValues(args))}
      ${actions(args, EVENTS)}
    ></e-paper-reader>`;
  },
  args: { 'article-id': 'a2', open: true, lang: 'zh-CN', 'text-scale': 1, theme: '' },
  argTypes: {
    'article-id': { control: 'select', options: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a404'] },
    open: { control: 'boolean' },
    'page-label': { control: 'text' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    'text-scale': { control: { type: 'range', min: 0.8, max: 1.8, step: 0.1 } },
    theme: {
      control: 'inline-radio',
      options: ['', 'light', 'dark'],
      description: '`light` or `dark`; empty follows the toolbar’s theme here (on a site: `prefers-color-scheme`).',
    },
    'base-url': { control: false },
    ...knobArgTypes(['Reader', 'Printed page', 'Search', 'Typefaces', 'Viewer UI']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The article reader: a modal `<dialog>` that sets one article as a newspaper does. The owner keeps the state: ' +
          'it sets `article-id` and `open`, and listens for navigate and close. Close it with Esc, the × or the backdrop ' +
          '(then set `open` again in Controls).',
      },
      // A modal dialog takes the whole document: each story gets a frame of its own on the docs page.
      story: { inline: false, iframeHeight: 640 },
    },
  },
} satisfies Meta<ReaderArgs>;

export default meta;
type Story = StoryObj<ReaderArgs>;

/** A long article (a2, six paragraphs): the body scrolls, previous/next at the foot. */
export const LongArticle: Story = { name: 'Long article (a2)' };

/** A short one (a8): kicker, headline, bylines, three paragraphs. */
export const ShortArticle: Story = { name: 'Short article (a8)', args: { 'article-id': 'a8' } };

/** With a photo (a6): the edition has no image file for it, so the caption stands alone, with a note that the photo is missing. */
export const WithPhoto: Story = { name: 'With a photo (a6)', args: { 'article-id': 'a6' } };

/** The dark theme. */
export const Dark: Story = { args: { 'article-id': 'a6', theme: 'dark' } };

/** Larger text (text size 1.4), as a reader would set with A+. */
export const LargeText: Story = { name: 'Large text', args: { 'article-id': 'a8', 'text-scale': 1.4 } };

/** An id the edition does not have: the reader says so. */
export const UnknownArticle: Story = { name: 'Unknown article', args: { 'article-id': 'a404' } };

/** English controls; the article keeps the edition's language. */
export const English: Story = { args: { 'article-id': 'a3', lang: 'en' } };
