import { isolate } from '../../i18n/strings.js';
import { localize } from '../../i18n/localize.js';

/** UI strings of the text view (`<e-paper-text-view>`). The toggle's label is the viewer's (`viewer.textView`). */
export interface TextViewStrings {
  /** The view's name for screen readers. */
  label: string;
  /** A page's heading: its label and, if it has one, its section (要闻). */
  page: (label: string, section?: string) => string;
  /** Under a page with no article to list. */
  noArticles: string;
  /** Beside the headline of an article with no text of its own (a picture). */
  imageOnly: string;
}

const zh: TextViewStrings = {
  label: '本期文字版',
  page: (label, section) => `${isolate(label)} 版${section ? ` · ${isolate(section)}` : ''}`,
  noArticles: '本版没有文章',
  imageOnly: '图片',
};

const en: TextViewStrings = {
  label: 'Text view of the edition',
  page: (label, section) => `Page ${isolate(label)}${section ? ` · ${isolate(section)}` : ''}`,
  noArticles: 'No articles on this page',
  imageOnly: 'Picture',
};

/** The text view's strings for a UI language tag (see `localize`). */
export const textViewStrings = (lang: string | null | undefined): TextViewStrings => localize(lang, 'textView', zh, en);
