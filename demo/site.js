// The demo site's own script: what a newspaper website writes around the viewer. It builds the
// side list from the viewer's events, deep-links to articles, logs events and switches themes.
const paper = document.getElementById('paper');

// ?edition=scan shows the same page as a scan (an image with regions) instead of typeset;
// ?edition=pages and ?edition=archive show test copies of A1 (served by the dev server, see
// vite.config.ts) to try the page strip, the search across pages and the archive's date picker.
// The 8 pages come as a publisher should serve them: page A1 in the edition, every other page in
// a page file of its own, fetched when it is needed.
const view = new URLSearchParams(location.search).get('edition') ?? 'typeset';
if (view === 'scan') paper.src = './editions/zhuzhou-daily-2021-01-08-scan.json';
if (view === 'pages') paper.src = './copies/split/8.json';
// ?edition=continued: a test edition (not the paper's layout) whose lead story goes on on page A2.
if (view === 'continued') paper.src = './editions/continued-test.json';
if (view === 'archive') {
  paper.removeAttribute('src');
  paper.setAttribute('archive', './copies/archive.json');
}
document.querySelector(`[data-edition="${view}"]`)?.setAttribute('aria-current', 'page');
const list = document.getElementById('article-list');
const log = document.getElementById('events');

function logEvent(event) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${event.type} ${JSON.stringify(event.detail ?? {})}`;
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild.remove();
}

for (const type of ['e-paper-ready', 'e-paper-error', 'e-paper-article-open', 'e-paper-article-close', 'e-paper-zoom', 'e-paper-page-change']) {
  paper.addEventListener(type, logEvent);
}

function listArticles() {
  list.replaceChildren(
    ...paper.pageArticles.map((article) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#article=${encodeURIComponent(article.id)}`;
      link.dataset.articleId = article.id;
      link.textContent = article.headline;
      item.append(link);
      return item;
    }),
  );
}
paper.addEventListener('e-paper-ready', listArticles);

// The heading names the day and page shown (the day from the edition's id, as this site names them).
const editionLine = document.getElementById('edition-line');
let shownEditionId = '';
function showEditionLine(page) {
  const [, year, month, day] = shownEditionId.match(/(\d{4})-(\d\d)-(\d\d)/) ?? [];
  if (year) editionLine.textContent = `${year}年${Number(month)}月${Number(day)}日 · ${page} 版`;
}
paper.addEventListener('e-paper-ready', (event) => {
  shownEditionId = event.detail.editionId;
  showEditionLine(event.detail.page);
});
paper.addEventListener('e-paper-page-change', (event) => showEditionLine(event.detail.page));
paper.addEventListener('e-paper-page-change', () => requestAnimationFrame(listArticles));

function markOpen(id) {
  for (const link of list.querySelectorAll('a')) {
    if (link.dataset.articleId === id) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}
paper.addEventListener('e-paper-article-open', (event) => markOpen(event.detail.articleId));
paper.addEventListener('e-paper-article-close', () => markOpen(undefined));

for (const input of document.querySelectorAll('input[name="theme"]')) {
  input.addEventListener('change', () => {
    const value = input.value;
    // theme-brand, not brand: a class of the theme alone, which no element of the site's own carries.
    document.body.classList.toggle('theme-brand', value === 'brand');
    if (value === 'light' || value === 'dark') paper.setAttribute('theme', value);
    else paper.removeAttribute('theme');
  });
}
