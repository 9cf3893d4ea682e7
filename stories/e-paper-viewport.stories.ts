import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import type { EPaperViewport } from '../src/elements/e-paper-viewport/e-paper-viewport.js';
import { cssProps } from '../src/internal/css-props.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { a1Loader, type A1Loaded } from './support/edition.js';
import { actions } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface ViewportArgs {
  lang?: 'zh-CN' | 'en';
  /** Story only: the height of the box. */
  height: number;
  [knob: `--e-paper-${string}`]: unknown;
}

const meta = {
  title: 'Parts/e-paper-viewport',
  component: 'e-paper-viewport',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition, page } = context.loaded as A1Loaded;
    return html`<e-paper-viewport
      role="region"
      aria-label=${edition.title}
      .pageWidth=${page.width}
      .pageHeight=${page.height}
      lang=${args.lang ?? 'zh-CN'}
      ${cssProps({ display: 'block', height: `${args.height}px`, background: 'var(--e-paper-surface, #e9e6df)', ...knobValues(args) })}
      ${actions(args, ['e-paper-viewport-zoom', 'e-paper-viewport-swipe'])}
    >
      <e-paper-page .edition=${edition} .page=${page} lang=${args.lang ?? 'zh-CN'}></e-paper-page>
    </e-paper-viewport>`;
  },
  args: { lang: 'zh-CN', height: 520 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    height: { control: { type: 'range', min: 240, max: 900, step: 20 }, table: { category: 'Story' } },
    ...knobArgTypes(['Viewer UI', 'Typefaces']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The pan/zoom surface around the page: Ctrl/⌘ + wheel or a pinch zooms at the pointer, drag pans, ' +
          'double-click zooms a step; with focus, `+` `-` `0` and the arrow keys.',
      },
    },
  },
} satisfies Meta<ViewportArgs>;

export default meta;
type Story = StoryObj<ViewportArgs>;

/** The page fitted into the box. */
export const Fitted: Story = {};

/** `zoomTo(1, point)`: reading size, centred on the ear (date, issue, weather). */
export const ZoomedIn: Story = {
  name: 'Zoomed to reading size',
  play: async ({ canvasElement }) => {
    const viewport = canvasElement.querySelector<EPaperViewport>('e-paper-viewport')!;
    await viewport.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    viewport.zoomTo(1, { x: 1000, y: 200 }, { animate: false });
  },
  parameters: { docs: { story: { autoplay: true } } },
};
