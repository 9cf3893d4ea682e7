import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { a1Loader, type A1Loaded } from './support/edition.js';
import { actions } from './support/story.js';
import { useVoices } from './support/speech.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface AloudArgs {
  article: string;
  lang?: 'zh-CN' | 'zh-TW' | 'en';
  rate: number;
  /** Story only: the voices the browser has (a stand-in engine); `none` has speech but no Chinese voice, `unsupported` no speech. */
  voices: 'zh-CN' | 'none' | 'unsupported';
}

const EVENTS = ['e-paper-read-aloud-position', 'e-paper-read-aloud-end'];

/** Where the part sits: centred, as in the reader's foot. */
const FOOT = { display: 'flex', 'justify-content': 'center', padding: '16px', font: '14px system-ui' };

const meta = {
  title: 'Parts/e-paper-read-aloud',
  component: 'e-paper-read-aloud',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition } = context.loaded as A1Loaded;
    useVoices(args.voices === 'unsupported' ? null : args.voices === 'none' ? ['en-US'] : ['zh-CN', 'en-US']);
    // The reader's foot, where read aloud sits.
    return html`<div ${cssProps(FOOT)}>
      <e-paper-read-aloud
        .article=${edition.articles.find((a) => a.id === args.article)}
        text-lang=${edition.lang}
        lang=${args.lang ?? 'zh-CN'}
        .rate=${args.rate}
        ${actions(args, EVENTS)}
      ></e-paper-read-aloud>
    </div>`;
  },
  args: { article: 'a2', lang: 'zh-CN', rate: 1, voices: 'zh-CN' },
  argTypes: {
    article: { control: 'select', options: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'zh-TW', 'en'] },
    rate: { control: 'select', options: [0.75, 1, 1.25, 1.5, 2] },
    voices: { control: 'inline-radio', options: ['zh-CN', 'none', 'unsupported'], table: { category: 'Story' } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Read aloud, in the reader’s foot: play / pause and the speed, through the browser’s own speech in a voice of the ' +
          'article’s language; where the browser has no such voice, the reason instead. The stories use a silent stand-in engine.',
      },
    },
  },
} satisfies Meta<AloudArgs>;

export default meta;
type Story = StoryObj<AloudArgs>;

/** A Chinese voice: play and the speed. */
export const Ready: Story = {};

/** Kept speed 1.5×, English UI. */
export const EnglishFaster: Story = { name: 'English, 1.5×', args: { lang: 'en', rate: 1.5 } };

/** Traditional Chinese UI. */
export const TraditionalChinese: Story = { name: 'Traditional Chinese UI', args: { lang: 'zh-TW' } };

/** No voice for Chinese: hidden, with the reason. */
export const NoVoice: Story = { name: 'No voice for the language', args: { voices: 'none' } };

/** No speech in the browser at all. */
export const Unsupported: Story = { name: 'Browser without speech', args: { voices: 'unsupported' } };
