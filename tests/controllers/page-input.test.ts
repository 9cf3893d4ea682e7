import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChromeSlot } from '../../src/controllers/chrome-slot.js';
import { PageInputController } from '../../src/controllers/page-input.js';
import type { Chrome } from '../../src/elements/e-paper/e-paper-chrome.js';
import type { RegionEventDetail } from '../../src/elements/e-paper-page/e-paper-page.js';
import type { ZoomEventDetail } from '../../src/elements/e-paper-viewport/e-paper-viewport.js';
import { loadA1 } from '../helpers.js';
import { stubContext } from './stub-context.js';

/** A ready viewer stand-in with its input, a button and a text field in its shadow root, and what the part around the page was asked. */
async function input() {
  const stub = stubContext(await loadA1());
  const asked: string[] = [];
  const chrome = {
    search: { open: () => void asked.push('search') },
    articles: { openedFrom: (region: Element) => void asked.push(`from ${region.id}`) },
  } as unknown as Chrome;
  const slot = new ChromeSlot(stub.ctx, () => Promise.resolve(chrome));
  const controller = new PageInputController(stub.ctx, slot);
  controller.hostConnected();
  const button = document.createElement('button');
  const field = document.createElement('input');
  stub.host.renderRoot.append(button, field);
  return { ...stub, asked, slot, controller, button, field };
}

const event = <T>(detail: T) => new CustomEvent<T>('stand-in', { detail });

describe('PageInputController', () => {
  it('turns the page with PageDown / PageUp wherever focus is in the viewer, but not in a field or with the reader open', async () => {
    const { host, log, button, field, controller, remove } = await input();
    button.focus();
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'PageUp' });
    expect(log.turns).to.deep.equal([1, -1]);
    field.focus();
    await sendKeys({ press: 'PageDown' });
    button.focus();
    host.article = 'a1';
    await sendKeys({ press: 'PageDown' });
    expect(log.turns, 'in a field; with the reader open').to.deep.equal([1, -1]);
    host.article = undefined;
    controller.hostDisconnected();
    await sendKeys({ press: 'PageDown' });
    expect(log.turns, 'disconnected: no listener').to.deep.equal([1, -1]);
    remove();
  });

  it('opens the search on Ctrl+F, through the part around the page (loaded for it)', async () => {
    const { button, asked, slot, remove } = await input();
    button.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'f' });
    await sendKeys({ up: 'Control' });
    await slot.need();
    expect(asked).to.deep.equal(['search']);
    remove();
  });

  it('opens a region’s article from that region, the tooltip gone; a hover shows it where the pointer is', async () => {
    const { ctx, host, asked, slot, controller, remove } = await input();
    const region = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    region.id = 'r3';
    controller.on.pagePointerMove(new PointerEvent('pointermove', { clientX: 40, clientY: 50 }));
    controller.on.regionEnter(event<RegionEventDetail>({ articleId: 'a3', region, via: 'pointer' }));
    expect(ctx.ui().hovered).to.deep.equal({ articleId: 'a3', region, point: { x: 40, y: 50 } });
    controller.on.pagePointerMove(new PointerEvent('pointermove', { clientX: 44, clientY: 50, buttons: 1 }));
    expect(ctx.ui().hovered, 'panning: no tooltip').to.equal(undefined);
    controller.on.regionActivate(event<RegionEventDetail>({ articleId: 'a3', region, via: 'focus' }));
    expect(host.article).to.equal('a3');
    await slot.need();
    expect(asked).to.deep.equal(['from r3']);
    remove();
  });

  it('takes in a zoom: the toolbar’s scale, the overview once zoomed in, the saved view, and the host hears it', async () => {
    const { ctx, host, log, remove } = await input();
    const heard: unknown[] = [];
    host.addEventListener('e-paper-zoom', (e) => heard.push(e.detail));
    const viewed: unknown[] = [];
    ctx.session.viewed = (pageId, view) => void viewed.push([pageId, view]);
    const detail: ZoomEventDetail = { scale: 2, center: { x: 10, y: 20 }, fitted: false, minScale: 0.5, maxScale: 4 };
    controller(ctx).on.zoom(event(detail));
    expect(ctx.ui().zoom).to.deep.equal({ scale: 2, minScale: 0.5, maxScale: 4 });
    expect(log.parts).to.deep.equal(['e-paper-overview']);
    expect(viewed).to.deep.equal([['A1', { scale: 2, x: 10, y: 20 }]]);
    expect(heard).to.deep.equal([detail]);
    remove();
  });
});

/** Another input on the same stand-in (the zoom needs no key listener). */
const controller = (ctx: ReturnType<typeof stubContext>['ctx']) =>
  new PageInputController(ctx, new ChromeSlot(ctx, () => Promise.reject(new Error('unused'))));
