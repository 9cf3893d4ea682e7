// The peers' article panel: what a site adds to OpenSeadragon or PDF.js so that a click on an
// article's hotspot shows its text. Esc or the close button closes it.
const panel = document.getElementById('panel');
let articles = new Map();

// The panel sets the article in the edition's own fonts, as e-paper's reader does, and as a site
// shows its articles in its own fonts. The bench's machine has no CJK system font: without them
// the panel would draw every Chinese character as an empty box, which costs next to nothing to
// shape, lay out and raster, and click → text would compare e-paper with boxes. They load after
// the ready mark, so the bytes before ready stay the viewer's own (measures.mjs waits for them
// before the click).
const EDITION = '/demo/editions/zhuzhou-daily-2021-01-08.json';
async function loadEditionFonts() {
  const edition = await (await fetch(EDITION)).json();
  const base = new URL(EDITION, location.href);
  const faces = edition.fonts
    .filter((font) => font.role === 'body' || font.role === 'headline')
    .map(
      (font) =>
        new FontFace(`edition ${font.role}`, `url(${new URL(font.src, base)})`, {
          weight: String(font.weight ?? 400),
          unicodeRange: font.unicodeRange ?? 'U+0-10FFFF',
        }),
    );
  for (const face of faces) document.fonts.add(face);
  await Promise.all(faces.map((face) => face.load()));
}
new PerformanceObserver((list, observer) => {
  if (!list.getEntriesByName('ready').length) return;
  observer.disconnect();
  window.__panelFonts = loadEditionFonts();
}).observe({ type: 'mark', buffered: true });

export function setArticles(list) {
  articles = new Map(list.map((a) => [a.id, a]));
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function openArticle(id) {
  const article = articles.get(id);
  if (!article) return;
  const body = el('article');
  if (article.banner) body.append(el('p', 'banner', article.banner));
  if (article.kicker) body.append(el('p', 'kicker', article.kicker));
  body.append(el('h2', 'headline', article.headline));
  for (const line of article.subheads ?? []) body.append(el('p', 'subhead', line));
  for (const line of article.bylines ?? []) body.append(el('p', 'byline', line));
  for (const paragraph of article.paragraphs ?? []) body.append(el('p', '', paragraph));
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', '关闭');
  close.addEventListener('click', closeArticle);
  panel.replaceChildren(close, body);
  panel.dataset.articleId = id;
  panel.hidden = false;
  panel.scrollTop = 0;
}

export function closeArticle() {
  panel.hidden = true;
  delete panel.dataset.articleId;
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !panel.hidden) closeArticle();
});

/** The first article rectangle (page units) that holds the page point, if any. */
export function hitTest(rects, x, y) {
  return rects.find((r) => x >= r.page.x && x <= r.page.x + r.page.w && y >= r.page.y && y <= r.page.y + r.page.h);
}
