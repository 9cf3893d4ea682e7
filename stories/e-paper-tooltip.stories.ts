import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components';
import { define } from '../src/define.js';
import type { EPaperPage } from '../src/elements/e-paper-page/e-paper-page.js';
import type { EPaperTooltip } from '../src/elements/e-paper-tooltip/e-paper-tooltip.js';
import { cssProps } from '../src/internal/css-props.js';
import { knobArgTypes, knobValues } from './support/knobs.js';
import { a1Loader, type A1Loaded } from './support/edition.js';

// Registers the elements (an explicit call: the package's sideEffects list lets a bundler drop a bare import).
define();

interface TooltipArgs {
  /** Story only: the article whose region the tooltip points at. */
  article: string;
  /** Story only: `focus` places it above the region; `pointer` beside the point where the pointer came in. */
  via: 'focus' | 'pointer';
  lang?: 'zh-CN' | 'en';
  [knob: `--e-paper-${string}`]: unknown;
}

const SCALE = 0.3;

/**
 * Points the tooltip at the article's region on a scaled-down page, as the viewer does on hover
 * or focus: once the page has drawn its regions, the region becomes the tooltip's anchor.
 */
async function anchor(page: EPaperPage, tooltip: EPaperTooltip, boundary: HTMLElement, articleId: string, via: TooltipArgs['via']) {
  await page.updateComplete;
  const region = page.regionFor(articleId);
  if (!region) return;
  const box = region.getBoundingClientRect();
  tooltip.anchor = region;
  tooltip.boundary = boundary;
  tooltip.point = via === 'pointer' ? { x: box.left + box.width * 0.3, y: box.top + box.height * 0.25 } : undefined;
  tooltip.open = true;
}

const meta = {
  title: 'Parts/e-paper-tooltip',
  component: 'e-paper-tooltip',
  tags: ['autodocs'],
  loaders: [a1Loader],
  render: (args, context) => {
    const { edition, page } = context.loaded as A1Loaded;
    const article = edition.articles.find((a) => a.id === args.article);
    const uiLang = args.lang ?? 'zh-CN';
    // Once the frame is in the document and the page has drawn its regions, anchor the tooltip.
    const onFrame = (frame?: Element) => {
      if (!(frame instanceof HTMLElement)) return;
      requestAnimationFrame(() => {
        const pageEl = frame.querySelector<EPaperPage>('e-paper-page');
        const tooltipEl = frame.querySelector<EPaperTooltip>('e-paper-tooltip');
        if (pageEl && tooltipEl) void anchor(pageEl, tooltipEl, frame, args.article, args.via);
      });
    };
    // The frame is the tooltip's boundary, as the viewer is in the real thing: the page, and room beside it.
    const frame = { position: 'relative', width: `${page.width * SCALE + 240}px`, height: `${page.height * SCALE}px` };
    const box = { width: `${page.width * SCALE}px`, height: `${page.height * SCALE}px`, overflow: 'hidden' };
    const sheet = { transform: `scale(${SCALE})`, 'transform-origin': '0 0', width: `${page.width}px` };
    return html`<div ${cssProps(frame)} ${ref(onFrame)}>
      <div ${cssProps(box)}>
        <div ${cssProps(sheet)}>
          <e-paper-page .edition=${edition} .page=${page} lang=${uiLang}></e-paper-page>
        </div>
      </div>
      <e-paper-tooltip .article=${article} lang=${uiLang} textlang=${edition.lang} ${cssProps(knobValues(args))}></e-paper-tooltip>
    </div>`;
  },
  args: { article: 'a3', via: 'focus', lang: 'zh-CN' },
  argTypes: {
    article: { control: 'select', options: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'], table: { category: 'Story' } },
    via: { control: 'inline-radio', options: ['focus', 'pointer'], table: { category: 'Story' } },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    ...knobArgTypes(['Tooltip']),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The tooltip over an article’s region: its banner or kicker, its headline and a cue to read it. Placed with ' +
          'floating-ui so it flips and shifts to stay inside its boundary (the viewer).',
      },
      story: { inline: false, iframeHeight: 900 },
    },
  },
} satisfies Meta<TooltipArgs>;

export default meta;
type Story = StoryObj<TooltipArgs>;

/** Focus on a region: the tooltip stands above it. */
export const OnFocus: Story = { name: 'On focus (a3)' };

/** The pointer came in: the tooltip sits below and after the point. a6 has a series banner (栏目). */
export const AtPointer: Story = { name: 'At the pointer (a6)', args: { article: 'a6', via: 'pointer' } };

/** An article with neither banner nor kicker: the headline and the cue. */
export const HeadlineOnly: Story = { name: 'Headline only (a1)', args: { article: 'a1' } };

/** English cue. */
export const English: Story = { args: { lang: 'en' } };
