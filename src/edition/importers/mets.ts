/**
 * Reading METS for the METS/ALTO importer: the logical div TYPEs (which are units of the paper, of
 * what kind, and which part of a unit a div holds), the fileSec, the structLink and the MODS
 * language. Pure functions of the parsed document.
 */
import type { ArticleKind } from '../schema.js';
import { attr, children, descendants, hrefOf, nameOf, xlinkAttr } from './dom.js';
import { isKnownLanguage } from './text.js';

/** The logical div TYPEs that are units of the paper, and their kind. */
export const UNIT_KINDS: Record<string, ArticleKind> = {
  ARTICLE: 'news',
  ADVERTISEMENT: 'advertisement',
  ADVERTISEMENTS: 'advertisement',
  ADVERT: 'advertisement',
  TITLE_SECTION: 'masthead',
  MASTHEAD: 'masthead',
  TITLE_PAGE: 'masthead',
  PUBLISHING_STMT: 'notice',
  NOTICE: 'notice',
  ANNOUNCEMENT: 'notice',
  OBITUARY: 'notice',
  DEATH_NOTICE: 'notice',
  CLASSIFIED: 'advertisement',
  ILLUSTRATION: 'illustration',
  PICTURE: 'illustration',
  PHOTOGRAPH: 'illustration',
  MAP: 'illustration',
  CARTOON: 'illustration',
  TABLE: 'other',
  LIST: 'other',
};

/** The logical div TYPEs that only group units: walked through, never units themselves. */
export const CONTAINERS = new Set([
  'NEWSPAPER',
  'PERIODICAL',
  'YEAR',
  'YEAR_VOLUME',
  'VOLUME',
  'MONTH',
  'DAY',
  'ISSUE',
  'EDITION',
  'SECTION',
  'SUPPLEMENT',
  'PART',
  'CONTENTS',
  'CONTENT',
  'TABLE_OF_CONTENTS',
]);

/** `heading`: a HEADING div's text without TITLE inside, the headline when the unit has no TITLE or LABEL. */
export type Role = 'kicker' | 'headline' | 'heading' | 'subhead' | 'byline' | 'caption' | 'photo' | 'body';

/** The part of a unit a div of this TYPE holds. */
export function roleOf(type: string): Role | undefined {
  if (/^(OVERLINE|KICKER|ROOFLINE|PRE_?TITLE)$/.test(type)) return 'kicker';
  if (/^(TITLE|HEADLINE|MAIN_?TITLE)$/.test(type)) return 'headline';
  if (/^(SUB_?HEADLINE|SUB_?TITLE|DECK)$/.test(type)) return 'subhead';
  if (/^(AUTHOR|BYLINE|AUTHORS)$/.test(type)) return 'byline';
  if (/^CAPTION$/.test(type)) return 'caption';
  if (/^(ILLUSTRATION|PICTURE|PHOTOGRAPH|FIGURE|IMAGE|MAP|CARTOON)$/.test(type)) return 'photo';
  return undefined;
}

// —— METS ——

export interface MetsFile {
  id: string;
  href?: string;
  mimetype?: string;
  use?: string;
}

export function readFileSec(root: Element): Map<string, MetsFile> {
  const files = new Map<string, MetsFile>();
  for (const fileSec of children(root, 'fileSec')) {
    for (const file of descendants(fileSec, 'file')) {
      const id = attr(file, 'ID');
      if (!id) continue;
      let use = attr(file, 'USE');
      for (
        let up = file.parentNode as Element | null;
        !use && up && up.nodeType === 1 && nameOf(up) === 'fileGrp';
        up = up.parentNode as Element | null
      )
        use = attr(up, 'USE');
      const locat = children(file, 'FLocat')[0];
      files.set(id, { id, href: locat ? hrefOf(locat) : undefined, mimetype: attr(file, 'MIMETYPE'), use });
    }
  }
  return files;
}

export const isImage = (file: MetsFile) =>
  /^image\//i.test(file.mimetype ?? '') ||
  (/image|master|default|max|min|thumb/i.test(file.use ?? '') &&
    !/xml|alto|text/i.test(file.mimetype ?? '') &&
    !/\.xml$/i.test(file.href ?? ''));
export const looksLikeText = (file: MetsFile) =>
  !isImage(file) && (/alto|text|ocr|fulltext/i.test(file.use ?? '') || /xml/i.test(file.mimetype ?? '') || /\.xml$/i.test(file.href ?? ''));
export const isWebImage = (file: MetsFile) =>
  /^image\/(jpeg|jpg|png|webp|gif|avif)$/i.test(file.mimetype ?? '') || /\.(jpe?g|png|webp|gif|avif)([?#]|$)/i.test(file.href ?? '');

/** The structLink: physical div IDs by the logical div ID they are linked from (smLink and smLinkGrp arcs). */
export function readStructLink(root: Element): Map<string, string[]> {
  const links = new Map<string, string[]>();
  const add = (from: string | undefined, to: string | undefined) => {
    if (!from || !to) return;
    const list = links.get(from) ?? [];
    list.push(to);
    links.set(from, list);
  };
  const bare = (ref: string | undefined) => ref?.replace(/^#/, '');
  for (const structLink of children(root, 'structLink')) {
    for (const link of descendants(structLink, 'smLink')) add(bare(xlinkAttr(link, 'from')), bare(xlinkAttr(link, 'to')));
    for (const group of descendants(structLink, 'smLinkGrp')) {
      const byLabel = new Map<string, string>();
      for (const locator of children(group, 'smLocatorLink')) {
        const label = xlinkAttr(locator, 'label');
        const href = bare(hrefOf(locator));
        if (label && href) byLabel.set(label, href);
      }
      for (const arc of children(group, 'smArcLink'))
        add(byLabel.get(xlinkAttr(arc, 'from') ?? ''), byLabel.get(xlinkAttr(arc, 'to') ?? ''));
    }
  }
  return links;
}

/** An area of a unit: the `<area>` and the role of the part it belongs to. */
export interface UnitArea {
  area: Element;
  role: Role;
  /** The div of that part (a CAPTION and an ILLUSTRATION in one div make one photo). */
  part: Element;
}

export interface Unit {
  div: Element;
  kind: ArticleKind;
  type: string;
  banner?: string;
  /** Set when the TYPE was not known and the unit is kept as `other`. */
  unknownType?: boolean;
}
/** A MODS languageTerm of an RFC authority, if it names a known language. */
export function modsLanguage(root: Element): string | undefined {
  return children(root, 'dmdSec')
    .flatMap((sec) => descendants(sec, 'languageTerm'))
    .filter((term) => /^rfc\d+$/i.test(attr(term, 'authority') ?? ''))
    .map((term) => term.textContent?.trim())
    .find(isKnownLanguage);
}
