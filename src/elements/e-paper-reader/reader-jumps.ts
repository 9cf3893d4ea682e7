import { html, nothing, type TemplateResult } from 'lit';
import { regionsOf } from '../../edition/regions.js';
import type { Edition, Page } from '../../edition/schema.js';
import { readerStrings } from './reader-strings.js';

/** The pages that hold a part of `articleId` (a region of it), in the edition's order. */
export function partPages(edition: Edition, articleId: string): Page[] {
  return edition.pages.filter((page) => regionsOf(page).some((region) => region.article === articleId));
}

/**
 * The jump links of a continued article read from page `pageId`: one for each other page that
 * holds a part of it, `from` those before this page (上接, set above the body) or `to` those after
 * (转, set below it), as printed. Each names the line the page prints (its `jumps`), or says it in
 * the UI language, and what it does (turn to that page); `follow` is called with the page's id.
 */
export function jumpLinks(
  edition: Edition,
  articleId: string,
  pageId: string | undefined,
  end: 'to' | 'from',
  lang: string,
  follow: (pageId: string) => void,
): TemplateResult | typeof nothing {
  const pages = partPages(edition, articleId);
  const at = pages.findIndex((page) => page.id === pageId);
  if (pages.length < 2 || at < 0) return nothing;
  const here = pages[at];
  const others = end === 'from' ? pages.slice(0, at).reverse() : pages.slice(at + 1);
  if (!others.length) return nothing;
  const s = readerStrings(lang);
  return html`<ul class="jumps ${end}" aria-label=${s.parts}>
    ${others.map((page) => {
      const printed = here.jumps?.find((jump) => jump.article === articleId && jump[end] === page.id)?.text;
      const line = printed ?? (end === 'from' ? s.continuedFrom(page.label) : s.continuedOn(page.label));
      return html`<li>
        <button part="button" type="button" class="jump" data-page-id=${page.id} @click=${() => follow(page.id)}>
          <span class="line" lang=${printed ? edition.lang : lang}>${line}</span> <span class="go" lang=${lang}>${s.showPart(page.label)}</span>
        </button>
      </li>`;
    })}
  </ul>`;
}
