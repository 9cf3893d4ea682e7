/**
 * Printing one thing of the viewer: the article in the reader, or the page. The host page's own
 * content is set aside for the print only: a style sheet adopted by the document (no inline style,
 * so a strict Content-Security-Policy allows it) hides everything but the chain of elements from
 * `<body>` to the viewer, which it marks; the reader's and the viewer's own print styles do the
 * rest. Everything is put back on `afterprint`.
 */

/** The attribute that marks the chain from the body to the viewer (the viewer's says what prints). */
export const PRINT_ATTR = 'data-e-paper-print';

/** The size the page is given for print, in CSS px: within A4 and Letter with the browsers' default margins. */
const PRINT_BOX = { width: 680, height: 940 };

const PRINT_CSS = `@media print {
  body :not([${PRINT_ATTR}]) { display: none !important; }
  [${PRINT_ATTR}] { display: block !important; position: static !important; margin: 0 !important; padding: 0 !important;
    border: 0 !important; box-shadow: none !important; transform: none !important; max-width: none !important;
    min-height: 0 !important; overflow: visible !important; background: none !important; }
  [${PRINT_ATTR}='article'] { visibility: hidden !important; height: 0 !important; }
  [${PRINT_ATTR}='page']::part(toolbar), [${PRINT_ATTR}='page']::part(pages), [${PRINT_ATTR}='page']::part(notice),
  [${PRINT_ATTR}='page']::part(tooltip) { display: none !important; }
}`;

let sheet: CSSStyleSheet | undefined;

/** The element that holds `node`: its parent, or the host of its shadow root. */
function up(node: Element): Element | null {
  return node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
}

/** Whether a print of ours is under way (set up and not yet put back). */
let printing: (() => void) | undefined;

/**
 * Prints `what`: `viewer` is the `<e-paper>` element, `reader` the reader (its print styles apply
 * while its `data-print` says `article`). For the page the viewer is sized to the print box and
 * fitted first, and `fitted` resolves once it has laid out again. Resolves after `print()` has
 * been called; the document is put back on `afterprint`.
 */
export async function printPart(
  what: 'article' | 'page',
  viewer: HTMLElement & { fit?: (mode?: 'page') => void },
  reader: HTMLElement,
  aspect = 1.4,
): Promise<void> {
  printing?.();
  const doc = viewer.ownerDocument;
  const view = doc.defaultView!;
  sheet ??= new view.CSSStyleSheet();
  sheet.replaceSync(PRINT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets.filter((s) => s !== sheet), sheet];
  const marked: Element[] = [];
  for (let el: Element | null = viewer; el && el !== doc.documentElement; el = up(el)) {
    el.setAttribute(PRINT_ATTR, el === viewer ? what : '');
    marked.push(el);
  }
  reader.setAttribute('data-print', what);
  const style = viewer.style;
  const saved = ['width', 'height'].map((name) => [name, style.getPropertyValue(name), style.getPropertyPriority(name)] as const);
  if (what === 'page') {
    // The page as tall as the box allows, at its own proportions.
    const width = Math.min(PRINT_BOX.width, PRINT_BOX.height / aspect);
    style.setProperty('width', `${Math.round(width)}px`, 'important');
    style.setProperty('height', `${Math.round(width * aspect)}px`, 'important');
    await frames(2);
    viewer.fit?.('page');
    await frames(2);
  }
  const restore = () => {
    view.removeEventListener('afterprint', restore);
    printing = undefined;
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    for (const el of marked) el.removeAttribute(PRINT_ATTR);
    reader.removeAttribute('data-print');
    for (const [name, value, priority] of saved) {
      if (value) style.setProperty(name, value, priority);
      else style.removeProperty(name);
    }
    if (what === 'page') requestAnimationFrame(() => viewer.fit?.('page'));
  };
  printing = restore;
  view.addEventListener('afterprint', restore);
  view.print();
}

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });
