import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import type { Edition } from '../src/edition/schema.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { loadA1 } from './support/edition.js';
import { actions } from './support/story.js';
import { multiPageEdition } from '../scripts/editions-from-a1.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface PagesArgs {
  pageid: string;
  lang?: 'zh-CN' | 'en';
  [knob: `--e-paper-${string}`]: unknown;
}

interface PagesLoaded {
  edition: Edition;
  baseUrl: string;
}

const editions = new Map<number, Promise<PagesLoaded>>();

/**
 * A loader of an `n`-page test edition made from A1 (pages A2… are A1's layout with a third of
 * its articles left out). One object per size, so that changing a control keeps the drawn thumbnails.
 */
const pagesLoader = (n: number) => (): Promise<PagesLoaded> => {
  let loaded = editions.get(n);
  if (!loaded) {
    loaded = loadA1().then(({ edition, baseUrl }) => ({ edition: multiPageEdition(edition, n, { fontBase: baseUrl }), baseUrl }));
    loaded.catch(() => editions.delete(n));
    editions.set(n, loaded);
  }
  return loaded;
};

const pageIds = (n: number) => Array.from({ length: n }, (_, i) => `A${i + 1}`);

const meta = {
  title: 'Parts/e-paper-pages',
  component: 'e-paper-pages',
  tags: ['autodocs'],
  loaders: [pagesLoader(6)],
  render: (args, context) => {
    const { edition, baseUrl } = context.loaded as PagesLoaded;
    // As under the viewer's toolbar: a strip across a box narrower than the 24-page edition.
    return html`<div ${cssProps({ 'max-width': '760px' })}>
      <e-paper-pages
        .edition=${edition}
        .baseUrl=${baseUrl}
        pageid=${args.pageid}
        lang=${args.lang ?? 'zh-CN'}
        ${cssProps(knobValues(args))}
        ${actions(args, ['e-paper-pages-select'])}
      ></e-paper-pages>
    </div>`;
  },
  args: { pageid: 'A1', lang: 'zh-CN' },
  argTypes: {
    pageid: { control: 'select', options: pageIds(6), description: 'Id of the page shown (the `pageId` property).' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    ...knobArgTypes(['Pages', 'Toolbar', 'Viewer UI', 'Typefaces']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The page strip (版面导航): a thumbnail of each page of the edition, drawn from the page itself once the browser is ' +
          'idle and only near the visible part of the strip. Choosing one fires `e-paper-pages-select`; the owner shows the ' +
          'page and sets `pageId` back. One tab stop; arrows, Home and End move along. The editions here are test copies of A1.',
      },
    },
  },
} satisfies Meta<PagesArgs>;

export default meta;
type Story = StoryObj<PagesArgs>;

/** Six pages, A1 shown. */
export const SixPages: Story = { name: 'Six pages' };

/** Twenty-four pages: the strip scrolls; the shown page (A14) is scrolled into view. */
export const TwentyFourPages: Story = {
  name: 'Twenty-four pages',
  loaders: [pagesLoader(24)],
  args: { pageid: 'A14' },
  argTypes: { pageid: { control: 'select', options: pageIds(24) } },
};

/** On a phone: the strip scrolls sideways under the thumb. */
export const Phone: Story = {
  loaders: [pagesLoader(24)],
  args: { pageid: 'A3' },
  argTypes: { pageid: { control: 'select', options: pageIds(24) } },
  globals: { viewport: { value: 'phone', isRotated: false } },
};

/** Larger thumbnails, through `--e-paper-thumb-width`. */
export const WideThumbnails: Story = { name: 'Wide thumbnails', args: { pageid: 'A2', '--e-paper-thumb-width': '120px' } };

/** English labels (the strip's name; page labels are the edition's). */
export const English: Story = { args: { lang: 'en' } };

/** The dark theme of the toolbar's switcher. */
export const Dark: Story = { args: { pageid: 'A2' }, globals: { theme: 'dark' } };
