/**
 * The URL hash form of deep links: `#page=A2&article=a3` (and `date=` with an archive), beside
 * any other hash parameters the host page keeps there.
 */
export type HashKey = 'article' | 'page' | 'date';

/** The value a hash gives `key`, if any. */
export function hashParam(hash: string, key: HashKey): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(key);
  return value === null || value === '' ? undefined : value;
}

/** Parameters to set (a string) or remove (undefined). */
export type HashChanges = Partial<Record<HashKey, string | undefined>>;

/** `hash` with `changes` made; the other parameters kept. */
export function hashWith(hash: string, changes: HashChanges): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}
