import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import { cssProps } from '../src/internal/css-props.js';
import { A1_SRC } from './support/edition.js';
import { MemoryCaches } from './support/memory-caches.js';
import type { EPaperOffline } from '../src/elements/e-paper-offline/e-paper-offline.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface OfflineArgs {
  lang?: 'zh-CN' | 'zh-TW' | 'en';
  /** Story only: what the browser has saved. */
  storage: 'empty' | 'saved' | 'full';
}

const a1Url = () => new URL(A1_SRC, document.baseURI).href;

/** The Cache Storage of a story: in memory, never the browser's. */
function storageFor(kind: OfflineArgs['storage']): CacheStorage {
  const caches = new MemoryCaches(kind === 'full' ? 2 : Number.POSITIVE_INFINITY);
  if (kind === 'saved') {
    caches.saved({
      url: a1Url(),
      id: 'zhuzhou-daily-2021-01-08',
      title: '株洲日报',
      date: '2021-01-08',
      bytes: 1_412_000,
      files: 9,
      savedAt: 2,
    });
    caches.saved({
      url: new URL('demo/editions/next-day.json', document.baseURI).href,
      id: 'next',
      title: '株洲日报',
      date: '2021-01-09',
      bytes: 388_000,
      files: 7,
      savedAt: 1,
    });
  }
  return caches.storage;
}

/** Opens the panel as a reader does. */
async function openPanel(canvas: HTMLElement): Promise<EPaperOffline> {
  const el = canvas.querySelector<EPaperOffline>('e-paper-offline')!;
  await customElements.whenDefined('e-paper-offline');
  await el.updateComplete;
  await el.refreshed;
  el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
  await el.updateComplete;
  return el;
}

const meta = {
  title: 'Parts/e-paper-offline',
  component: 'e-paper-offline',
  tags: ['autodocs'],
  render: (args) =>
    html`<div ${cssProps({ 'min-height': '420px', 'max-width': '640px', font: '14px system-ui' })}>
      <div ${cssProps({ position: 'relative', display: 'flex', 'justify-content': 'flex-end', padding: '4px', background: '#fff' })}>
        <e-paper-offline .src=${a1Url()} .caches=${storageFor(args.storage)} lang=${args.lang ?? 'zh-CN'}></e-paper-offline>
      </div>
    </div>`,
  args: { lang: 'zh-CN', storage: 'empty' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'zh-TW', 'en'] },
    storage: { control: 'inline-radio', options: ['empty', 'saved', 'full'], table: { category: 'Story' } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Offline reading, in the toolbar when the host sets `offline` on the viewer: save the edition in the Cache Storage ' +
          '(progress, result), the saved editions with their size and a remove button. The stories use a Cache Storage in memory.',
      },
    },
  },
} satisfies Meta<OfflineArgs>;

export default meta;
type Story = StoryObj<OfflineArgs>;

/** The toolbar button of an edition not saved. */
export const Button: Story = {};

/** The panel open: nothing saved yet. */
export const Panel: Story = {
  play: async ({ canvasElement }) => void (await openPanel(canvasElement)),
  parameters: { docs: { story: { autoplay: true } } },
};

/** Two editions saved, the one in view among them: the button reads "saved". */
export const Saved: Story = {
  args: { storage: 'saved' },
  play: async ({ canvasElement }) => void (await openPanel(canvasElement)),
  parameters: { docs: { story: { autoplay: true } } },
};

/** A save that runs out of room: the message, and nothing kept. */
export const StorageFull: Story = {
  args: { storage: 'full', lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = await openPanel(canvasElement);
    await el.save();
  },
  parameters: { docs: { story: { autoplay: true } } },
};
