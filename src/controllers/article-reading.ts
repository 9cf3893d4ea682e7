import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../edition/schema.js';
import type { ReadingRecord } from '../state/reading-record.js';
import type { NoticeController } from './notices.js';
import type { ReadingProgress, ReadingSessionController } from './reading-session.js';

/** An article open this long counts as read even if the reader never reaches its end. */
export const READ_AFTER_MS = 20_000;
/** Read to this fraction, an article counts as read. */
const READ_FRACTION = 0.98;

/**
 * What the reading session does once articles are read (in the chrome part, with the opening of
 * articles; the first render only restores, src/controllers/reading-session.ts): the paragraph an
 * article opens at, the read marks (read to its end, or open for {@link READ_AFTER_MS}), where the
 * reader is in the article open, the text size and read aloud's place kept, and the offer to
 * continue reading.
 */
export class ArticleReading implements ReactiveController {
  #readTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: ReadingSessionController,
    private readonly notices: NoticeController,
  ) {
    host.addController(this);
  }

  /**
   * No article is asked for: offers to continue the one left open, once it is known (`find`); it
   * may be on a page kept in a page file, which `more` loads (resolving whether the offer is still
   * wanted).
   */
  async offerToContinue(find: (id: string) => Article | undefined, more?: () => Promise<boolean>): Promise<void> {
    const left = this.session.left;
    if (!left) return;
    let article = find(left.article);
    if (!article && more && (await more())) article = find(left.article);
    if (article) this.notices.offer(left.article, Math.min(left.paragraph, article.paragraphs.length - 1));
  }

  /** The next article opens at `paragraph` (undefined: at the top). */
  openAt(paragraph: number | undefined): void {
    this.session.paragraph = paragraph;
  }

  /** `articleId` opened in the reader; returns the paragraph to show. */
  opened(articleId: string): number {
    const { session } = this;
    this.stopReadTimer();
    session.left = undefined;
    this.notices.dismiss('continue');
    const paragraph = session.paragraph ?? 0;
    session.paragraph = undefined;
    session.change((state) => state.update({ open: { article: articleId, fraction: 0, paragraph } }));
    this.#readTimer = setTimeout(() => this.markRead(articleId), READ_AFTER_MS);
    return paragraph;
  }

  /** The reader closed. */
  closed(): void {
    this.stopReadTimer();
    this.session.change((state) => state.update({ open: null }));
  }

  /** An article open for a while no longer counts as read (it closed, or another one opens). */
  stopReadTimer(): void {
    clearTimeout(this.#readTimer);
  }

  /** The reader moved through the article open in the viewer (`openId`). */
  progress({ articleId, fraction, paragraph }: ReadingProgress, openId: string | undefined): void {
    if (articleId !== openId) return;
    this.session.change((state) => {
      state.update({ open: { article: articleId, fraction, paragraph } });
      state.setProgress(articleId, fraction);
    });
    if (fraction >= READ_FRACTION) this.markRead(articleId);
  }

  markRead(articleId: string): void {
    const { session } = this;
    if (session.readArticles.has(articleId)) return;
    session.change((state) => state.markRead(articleId));
    session.readArticles = new Set([...session.readArticles, articleId]);
    this.host.requestUpdate();
  }

  setTextScale(textScale: number): void {
    this.session.textScale = textScale;
    this.session.change((state) => state.update({ textScale }));
    this.host.requestUpdate();
  }

  /** Keeps where reading aloud stopped, and its rate. */
  saveAloud(aloud: ReadingRecord['aloud']): void {
    this.session.change((state) => state.update({ aloud }));
  }

  hostDisconnected(): void {
    this.stopReadTimer();
  }
}
