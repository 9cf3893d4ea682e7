import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { A1_SRC } from './support/edition.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface FullscreenArgs {
  lang?: 'zh-CN' | 'zh-TW' | 'en';
  /** Story only: the button alone (its target a box), or in the viewer's toolbar. */
  inViewer: boolean;
}

const BOX = { display: 'grid', 'place-items': 'center', gap: '8px', padding: '24px', background: '#e9e6df', font: '14px system-ui' };

const meta = {
  title: 'Parts/e-paper-fullscreen',
  component: 'e-paper-fullscreen',
  tags: ['autodocs'],
  render: (args) =>
    args.inViewer
      ? html`<e-paper src=${A1_SRC} lang=${args.lang ?? 'zh-CN'} no-persist ${cssProps({ '--e-paper-height': '560px' })}></e-paper>`
      : html`<div class="box" ${cssProps(BOX)}>
          <e-paper-fullscreen lang=${args.lang ?? 'zh-CN'}></e-paper-fullscreen>
          <span>Press it: this box goes full screen; Esc or the button again brings it back.</span>
        </div>`,
  args: { lang: 'zh-CN', inViewer: false },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'zh-TW', 'en'] },
    inViewer: { control: 'boolean', table: { category: 'Story' } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The toolbar’s full-screen toggle (Fullscreen API, on the viewer’s host). Its pressed state follows `fullscreenchange`, ' +
          'so Esc and the browser’s own exit are honoured; hidden where the browser cannot go full screen.',
      },
    },
  },
} satisfies Meta<FullscreenArgs>;

export default meta;
type Story = StoryObj<FullscreenArgs>;

/** The button alone: it shows its parent, the box, full screen. */
export const Button: Story = {};

/** English. */
export const English: Story = { args: { lang: 'en' } };

/** In the viewer's toolbar, at its end. */
export const InViewer: Story = { name: 'In the viewer', args: { inViewer: true } };
