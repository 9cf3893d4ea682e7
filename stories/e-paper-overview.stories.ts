import { html } from 'lit';
import type { Decorator, Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { cssProps } from '../src/internal/css-props.js';
import { themeAttribute } from './support/themes.js';
import { A1_SCAN_SRC, A1_SRC } from './support/edition.js';
import { whenReady } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface OverviewArgs {
  src: string;
  lang?: 'zh-CN' | 'zh-TW' | 'en';
  theme?: '' | 'light' | 'dark';
  /** The `--e-paper-overview-size` token. */
  '--e-paper-overview-size'?: string;
  /** Story only: the scale the page is zoomed to, and the page point centred. */
  scale: number;
  x: number;
  y: number;
  /** Story only: give the mark the keyboard's focus. */
  focusMark: boolean;
}

const frame: Decorator<OverviewArgs> = (story, context) =>
  html`<div ${cssProps({ '--e-paper-height': context.viewMode === 'docs' ? '560px' : '100vh' })}>${story()}</div>`;

/** Zooms the viewer in once it is ready and waits for the map; focuses the mark if asked. */
const zoomIn: NonNullable<StoryObj<OverviewArgs>['play']> = async ({ canvasElement, args }) => {
  const viewer = canvasElement.querySelector<EPaper>('e-paper')!;
  await whenReady(viewer);
  viewer.zoomTo(args.scale, { x: args.x, y: args.y });
  const mark = await new Promise<HTMLElement>((resolve, reject) => {
    const end = performance.now() + 15_000;
    const probe = () => {
      const map = viewer.shadowRoot!.querySelector('e-paper-overview');
      const found = !map?.hidden && map?.shadowRoot?.querySelector<HTMLElement>('[part="overview-mark"]');
      if (found) resolve(found);
      else if (performance.now() > end) reject(new Error('the overview map did not show'));
      else setTimeout(probe, 25);
    };
    probe();
  });
  if (args.focusMark) mark.focus();
};

const meta = {
  title: 'Parts/e-paper-overview',
  component: 'e-paper-overview',
  tags: ['autodocs'],
  decorators: [frame],
  render: (args, context) => html`<e-paper
    src=${args.src}
    lang=${args.lang ?? 'zh-CN'}
    theme=${themeAttribute(args, context.globals)}
    no-persist
    ${cssProps({ '--e-paper-overview-size': args['--e-paper-overview-size'] || undefined })}
  ></e-paper>`,
  play: zoomIn,
  args: { src: A1_SRC, lang: 'zh-CN', theme: '', scale: 1, x: 640, y: 560, focusMark: false, '--e-paper-overview-size': '' },
  argTypes: {
    src: { control: 'inline-radio', options: [A1_SRC, A1_SCAN_SRC] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'zh-TW', 'en'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    '--e-paper-overview-size': { control: 'text' },
    scale: { control: { type: 'range', min: 0.3, max: 3, step: 0.1 }, table: { category: 'Story' } },
    x: { control: 'number', table: { category: 'Story' } },
    y: { control: 'number', table: { category: 'Story' } },
    focusMark: { control: 'boolean', table: { category: 'Story' } },
  },
  parameters: {
    layout: 'fullscreen',
    themePadding: '0',
    docs: {
      story: { autoplay: true },
      description: {
        component:
          'The overview map in the viewer’s corner while the page is zoomed in (hidden at fit; `no-overview` leaves it out): ' +
          'the page’s picture with the visible area marked. Drag the mark, or press beside it, to pan; the mark takes focus ' +
          'and the arrow keys move it (Shift: further).',
      },
    },
  },
} satisfies Meta<OverviewArgs>;

export default meta;
type Story = StoryObj<OverviewArgs>;

/** Zoomed in to reading size on the lead story: the map at the bottom right, the visible area marked. */
export const ZoomedIn: Story = { name: 'Zoomed in' };

/** The mark with the keyboard's focus: the arrow keys pan the page. */
export const Focused: Story = { name: 'Mark focused', args: { focusMark: true } };

/** A scan page: the map is its smallest image. */
export const Scan: Story = { name: 'Scan page', args: { src: A1_SCAN_SRC } };

/** On a phone: the map is at most a third of the viewer's width. */
export const Phone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  args: { scale: 1.2, x: 500, y: 900 },
  parameters: { docs: { story: { inline: false, iframeHeight: 844 } } },
};

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, args: { scale: 2, x: 1400, y: 2000 } };

/** A larger map, by the token. */
export const Larger: Story = { name: 'Larger (token)', args: { '--e-paper-overview-size': '240px' } };

/** English; the mark's name and position read out in it. */
export const English: Story = { args: { lang: 'en', focusMark: true } };

/** The scan page with the map's image (its smallest) missing, made so for this story only. */
async function scanWithoutSmallest(): Promise<unknown> {
  const url = new URL(A1_SCAN_SRC, document.baseURI);
  const edition = await (await fetch(url)).json();
  const { scan } = edition.pages[0];
  scan.src = new URL(scan.src, url).href;
  scan.srcset = [{ src: new URL('no-such-page-500.jpg', url).href, width: 500 }];
  return edition;
}

/** The map's picture could not be loaded: a mark in its place, named so in the UI language; the visible area's mark works on. */
export const PictureFailed: Story = {
  name: 'Picture failed',
  loaders: [async () => ({ edition: await scanWithoutSmallest() })],
  render: (args, context) => html`<e-paper
    .edition=${context.loaded.edition}
    lang=${args.lang ?? 'zh-CN'}
    theme=${themeAttribute(args, context.globals)}
    no-persist
  ></e-paper>`,
};
