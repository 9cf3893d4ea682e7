import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { a1Loader, type A1Loaded } from './support/edition.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface ShareArgs {
  article: string;
  lang?: 'zh-CN' | 'zh-TW' | 'en';
  /** Story only: whether the page has a PDF (the edition's `pdf` field). */
  withPdf: boolean;
}

/** Where the part sits: centred, as in the reader's foot. */
const FOOT = { display: 'flex', 'justify-content': 'center', padding: '16px', font: '14px system-ui' };

const meta = {
  title: 'Parts/e-paper-share',
  component: 'e-paper-share',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition, page } = context.loaded as A1Loaded;
    const article = edition.articles.find((a) => a.id === args.article)!;
    const link = new URL(`#article=${article.id}`, location.href).href;
    return html`<div ${cssProps(FOOT)}>
      <e-paper-share
        .link=${link}
        .headline=${article.headline}
        page-label=${page.label}
        .pdf=${args.withPdf ? new URL('A1.pdf', location.href).href : undefined}
        .aspect=${page.height / page.width}
        lang=${args.lang ?? 'zh-CN'}
      ></e-paper-share>
    </div>`;
  },
  args: { article: 'a2', lang: 'zh-CN', withPdf: false },
  argTypes: {
    article: { control: 'select', options: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'zh-TW', 'en'] },
    withPdf: { control: 'boolean', table: { category: 'Story' } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The reader’s share and print panel: a QR code of the article’s link (to read it on a phone, from WeChat), print the ' +
          'article or its page, and the page’s PDF when the edition gives one. Below 600 px wide it shows the actions only.',
      },
    },
  },
} satisfies Meta<ShareArgs>;

export default meta;
type Story = StoryObj<ShareArgs>;

/** The QR code and the print actions. */
export const Panel: Story = {};

/** With the page’s PDF. */
export const WithPdf: Story = { name: 'With the page’s PDF', args: { withPdf: true } };

/** English. */
export const English: Story = { args: { lang: 'en', withPdf: true } };
