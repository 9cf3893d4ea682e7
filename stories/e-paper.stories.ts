import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Decorator, Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { cssProps } from '../src/internal/css-props.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { themeAttribute } from './support/themes.js';
import {
  A1_SRC,
  A1_SCAN_SRC,
  CONTINUED_SRC,
  MISSING_SRC,
  PENDING_SRC,
  READ_MARKS_STORAGE_KEY,
  holdPendingFetch,
  invalidEditionLoader,
  seedReadMarks,
} from './support/edition.js';
import { actions, orUndefined, whenReady, type ViewerExpectation } from './support/story.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

/** The viewer's attributes (the manifest lists them; these are their controls). */
interface ViewerArgs {
  src?: string;
  page?: string;
  article?: string;
  lang?: 'zh-CN' | 'en';
  theme?: '' | 'light' | 'dark';
  'storage-key'?: string;
  'no-persist'?: boolean;
  'load-timeout'?: number;
  'max-bytes'?: number;
  'hash-sync'?: boolean;
  view?: 'page' | 'text' | 'auto';
  [knob: `--e-paper-${string}`]: string | undefined;
}

const EVENTS = ['e-paper-ready', 'e-paper-error', 'e-paper-article-open', 'e-paper-article-close', 'e-paper-page-change', 'e-paper-zoom'];

/**
 * Gives the viewer a height: the whole canvas in a story, a fixed box on the docs page (the
 * `--e-paper-height` knob still wins: it is set on the element itself).
 */
const viewerFrame: Decorator<ViewerArgs> = (story, context) =>
  html`<div ${cssProps({ '--e-paper-height': context.viewMode === 'docs' ? '560px' : '100vh' })}>${story()}</div>`;

const meta = {
  title: 'Viewer/e-paper',
  component: 'e-paper',
  tags: ['autodocs'],
  decorators: [viewerFrame],
  render: (args, context) => html`<e-paper
    src=${ifDefined(orUndefined(args.src))}
    .edition=${(context.loaded as { invalidEdition?: unknown }).invalidEdition}
    page=${ifDefined(orUndefined(args.page))}
    article=${ifDefined(orUndefined(args.article))}
    lang=${args.lang ?? 'zh-CN'}
    theme=${themeAttribute(args, context.globals)}
    storage-key=${ifDefined(orUndefined(args['storage-key']))}
    ?no-persist=${args['no-persist'] ?? false}
    load-timeout=${ifDefined(args['load-timeout'])}
    max-bytes=${ifDefined(args['max-bytes'])}
    ?hash-sync=${args['hash-sync'] ?? false}
    view=${args.view ?? 'page'}
    ${cssProps(knobValues(args))}
    ${actions(args, EVENTS)}
  ></e-paper>`,
  args: {
    src: A1_SRC,
    lang: 'zh-CN',
    theme: '',
    // Stories start afresh: no zoom or open article carried over from the last visit.
    'no-persist': true,
  },
  argTypes: {
    src: { control: 'text' },
    page: { control: 'text' },
    article: { control: 'select', options: ['', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: {
      control: 'inline-radio',
      options: ['', 'light', 'dark'],
      description: '`light` or `dark`; empty follows the toolbar’s theme here (on a site: the reader’s system setting).',
    },
    'storage-key': { control: 'text' },
    'no-persist': { control: 'boolean' },
    'load-timeout': { control: { type: 'number', min: 0, step: 1000 }, table: { defaultValue: { summary: '20000' } } },
    'max-bytes': { control: { type: 'number', min: 0, step: 1048576 }, table: { defaultValue: { summary: '20971520 (20 MiB)' } } },
    'hash-sync': { control: 'boolean' },
    view: { control: 'inline-radio', options: ['page', 'text', 'auto'] },
    ...knobArgTypes(),
  },
  parameters: {
    layout: 'fullscreen',
    themePadding: '0',
    fixture: { state: 'ready' } satisfies ViewerExpectation,
    docs: {
      description: {
        component:
          'The whole viewer: one tag, `<e-paper src="…">`. Every story here loads the A1 edition of the demo. ' +
          'Hover or focus an article for its tooltip, click it to read, zoom with Ctrl + wheel, a pinch or the toolbar.',
      },
    },
  },
} satisfies Meta<ViewerArgs>;

export default meta;
type Story = StoryObj<ViewerArgs>;

/** The A1 page, fitted, ready to read. */
export const Ready: Story = {};

/** The text view (文字版): the edition as a list of its articles; the toolbar's toggle goes back to the page. */
export const TextView: Story = {
  name: 'Text view',
  args: { view: 'text' },
};

/** The same page as a scan page: an image (small first, sharper as you zoom) with the regions over it. */
export const ScanPage: Story = {
  name: 'Scan page',
  args: { src: A1_SCAN_SRC },
};

/**
 * A continued article (a test edition from A1's articles, not the paper's layout): the lead story
 * is cut on A1 (转第2版) and goes on on A2 (上接第1版). Either part's region opens the whole
 * article; its jump links turn to the other page and light up the part there.
 */
export const ContinuedArticle: Story = {
  name: 'Continued article (test edition)',
  args: { src: CONTINUED_SRC, page: 'A2', article: 'a2' },
  parameters: { docs: { story: { inline: false, iframeHeight: 560 } } },
};

/**
 * While the edition loads: the skeleton. The story holds the request for its file open (a stub
 * of `fetch` for that one URL, removed when the story is left), as a stalled network would.
 */
export const Loading: Story = {
  args: { src: PENDING_SRC },
  beforeEach: () => holdPendingFetch(),
  parameters: { fixture: { state: 'loading' } satisfies ViewerExpectation },
};

/** `src` names a file that is not there: the error box, with a retry button. */
export const ErrorMissingFile: Story = {
  name: 'Error: missing file',
  args: { src: MISSING_SRC },
  // Storybook's static server answers 404; a dev server may answer with its HTML page instead.
  parameters: { fixture: { state: 'error', causes: ['http', 'not-json'] } satisfies ViewerExpectation },
};

/**
 * The `edition` property set to data that does not match the format (a block of negative width,
 * a headline that is a number): the error lists each problem with its path.
 */
export const ErrorInvalidData: Story = {
  name: 'Error: invalid data',
  args: { src: '' },
  loaders: [invalidEditionLoader],
  parameters: { fixture: { state: 'error', causes: ['invalid'] } satisfies ViewerExpectation },
};

/** `article="a3"`: the reader opens over the page once it is ready. */
export const ReaderOpen: Story = {
  name: 'Reader open (article="a3")',
  args: { article: 'a3' },
  parameters: { docs: { story: { inline: false, iframeHeight: 560 } } },
};

/**
 * Articles already read (a1, a2, a6) carry a mark on the page and in the contents list. The
 * viewer takes read marks from the reader's saved history, so this story seeds that history
 * under its own `storage-key` before it renders.
 */
export const ReadMarks: Story = {
  name: 'Read marks',
  args: { 'storage-key': READ_MARKS_STORAGE_KEY, 'no-persist': false },
  loaders: [async () => (await seedReadMarks(), {})],
};

/** Zoomed in to reading size (scale 1) on the lead story, by `zoomTo()` once the page is ready. */
export const ZoomedIn: Story = {
  name: 'Zoomed in',
  play: async ({ canvasElement }) => {
    const viewer = canvasElement.querySelector<EPaper>('e-paper')!;
    await whenReady(viewer);
    viewer.zoomTo(1, { x: 640, y: 560 });
  },
  parameters: { docs: { story: { autoplay: true } } },
};

/** On a phone: the toolbar over the page, the page fitted to the narrow screen. */
export const Phone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: { docs: { story: { inline: false, iframeHeight: 844 } } },
};

/** The dark theme: `theme="dark"` (the reader) and the dark knobs (page, surface, controls). */
export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** A site's own look, through the `--e-paper-*` knobs only: see the Restyling guide. */
export const Brand: Story = {
  name: 'Brand theme',
  globals: { theme: 'brand' },
};

/** The viewer's own words in English (`lang="en"`); the page keeps the edition's language. */
export const English: Story = {
  name: 'English UI',
  args: { lang: 'en' },
};
