import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { validateArchive } from '../src/edition/archive/load-archive.js';
import type { Archive } from '../src/edition/archive/archive-schema.js';
import type { EPaperArchive } from '../src/elements/e-paper-archive/e-paper-archive.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { actions } from './support/story.js';
import { archiveIndex } from '../scripts/editions-from-a1.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface ArchiveArgs {
  date: string;
  lang?: 'zh-CN' | 'en';
  busy: boolean;
  [knob: `--e-paper-${string}`]: unknown;
}

const LAST = '2021-01-08';

let archive: Archive | undefined;

/**
 * A test archive: 60 days to 8 January 2021, every 7th day without a paper. Only the last day's
 * edition exists; the picker fetches nothing, it hands the chosen `src` to its event (see Actions).
 */
function testArchive(): Archive {
  archive ??= validateArchive(
    archiveIndex(LAST, 60, (d) => `demo/editions/zhuzhou-daily-${d}.json`),
    document.baseURI,
  );
  return archive;
}

const FIRST = testArchive().editions[0].date;

/** Opens the calendar, as a click on the date does. */
async function openCalendar(canvasElement: HTMLElement): Promise<void> {
  const picker = canvasElement.querySelector<EPaperArchive>('e-paper-archive')!;
  await picker.updateComplete;
  picker.shadowRoot!.querySelector<HTMLButtonElement>('button.date')!.click();
  await picker.updateComplete;
}

const meta = {
  title: 'Parts/e-paper-archive',
  component: 'e-paper-archive',
  tags: ['autodocs'],
  render: (args) =>
    // Room below for the calendar, which hangs from the picker as from the viewer's toolbar.
    html`<div ${cssProps({ 'min-height': '400px' })}>
      <e-paper-archive
        .archive=${testArchive()}
        date=${args.date}
        lang=${args.lang ?? 'zh-CN'}
        ?busy=${args.busy}
        ${cssProps(knobValues(args))}
        ${actions(args, ['e-paper-archive-select'])}
      ></e-paper-archive>
    </div>`,
  args: { date: '2020-12-18', lang: 'zh-CN', busy: false },
  argTypes: {
    date: { control: 'text', description: 'The shown edition’s date, YYYY-MM-DD (the archive runs from ' + FIRST + ' to ' + LAST + ').' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    busy: { control: 'boolean' },
    ...knobArgTypes(['Toolbar', 'Viewer UI', 'Typefaces']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The date picker (往期): previous edition, the shown date (it opens a calendar of the archive), next edition. ' +
          'Choosing fires `e-paper-archive-select` with the edition’s date and `src` and sets `date` at once; the owner sets ' +
          '`busy` while the edition loads. Days without a paper are shown but disabled. The archive here is a test index.',
      },
      story: { inline: false, iframeHeight: 460 },
    },
  },
} satisfies Meta<ArchiveArgs>;

export default meta;
type Story = StoryObj<ArchiveArgs>;

/** Closed: previous, the date, next. */
export const Closed: Story = {};

/** The calendar open on the shown day; arrows move, Enter chooses, Escape closes. */
export const CalendarOpen: Story = {
  name: 'Calendar open',
  play: async ({ canvasElement }) => openCalendar(canvasElement),
  parameters: { docs: { story: { autoplay: true } } },
};

/** An edition is loading: a spinner, the controls still usable. */
export const Busy: Story = { args: { busy: true } };

/** English UI, the calendar open. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => openCalendar(canvasElement),
  parameters: { docs: { story: { autoplay: true } } },
};

/** The first edition of the archive: previous is disabled. */
export const FirstEdition: Story = { name: 'First edition', args: { date: FIRST } };

/** The last edition: next is disabled. */
export const LastEdition: Story = { name: 'Last edition', args: { date: LAST } };
