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

/** `hash` with `key` set to `value`, or removed when it is undefined; other parameters kept. */
export function hashWith(hash: string, key: HashKey, value: string | undefined): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (value === undefined) params.delete(key);
  else params.set(key, value);
  const text = params.toString();
  return text ? `#${text}` : '';
}
