/** The URL hash form of a deep link to an article: `#article=ID`, beside any other hash parameters. */

/** The article id a hash names, if any. */
export function articleFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('article');
  return id === null || id === '' ? undefined : id;
}

/** `hash` with its article parameter set to `articleId`, or removed when it is undefined. */
export function hashWithArticle(hash: string, articleId: string | undefined): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (articleId === undefined) params.delete('article');
  else params.set('article', articleId);
  const text = params.toString();
  return text ? `#${text}` : '';
}
