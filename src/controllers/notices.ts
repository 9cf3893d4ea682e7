import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A quiet message over the page: an offer to continue reading, or a short notice. */
export type Notice = { kind: 'continue'; articleId: string; paragraph: number } | { kind: 'message'; text: string };

/** How long a short notice stays. */
export const NOTICE_MS = 5_000;

/** The viewer's one notice over the page: a short message that goes by itself, or the offer to continue reading. */
export class NoticeController implements ReactiveController {
  #notice?: Notice;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get current(): Notice | undefined {
    return this.#notice;
  }

  /** Shows `text` for {@link NOTICE_MS}, in place of any other notice. */
  message(text: string): void {
    clearTimeout(this.#timer);
    this.#set({ kind: 'message', text });
    this.#timer = setTimeout(() => this.dismiss('message'), NOTICE_MS);
  }

  /** Offers to reopen `articleId` at `paragraph`. */
  offer(articleId: string, paragraph: number): void {
    this.#set({ kind: 'continue', articleId, paragraph });
  }

  /** Takes the notice away: any, or only one of `kind` (and, for a message, only the one saying `text`). */
  dismiss(kind?: Notice['kind'], text?: string): void {
    const notice = this.#notice;
    if (!notice || (kind && notice.kind !== kind) || (text !== undefined && (notice.kind !== 'message' || notice.text !== text))) return;
    this.#set(undefined);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #set(notice: Notice | undefined): void {
    this.#notice = notice;
    this.host.requestUpdate();
  }
}
