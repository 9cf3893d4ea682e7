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

/**
 * The viewers with `hash-sync` on this page, in the order they claimed the hash. One hash has one
 * `article=`, so only the first keeps it: two owners would open two readers for one deep link.
 * When it leaves the page, the next in line takes over.
 */
const claims: Element[] = [];

/** Whether `viewer` keeps the hash; the first claim after another's warns once, naming the owner. */
export function claimHash(viewer: Element): boolean {
  if (!claims.includes(viewer)) {
    claims.push(viewer);
    if (claims.length > 1) {
      console.warn(`e-paper: <e-paper id="${claims[0].id}"> keeps the URL hash; this one leaves it (hash-sync on one viewer only)`, viewer);
    }
  }
  return claims[0] === viewer;
}

/** `viewer` no longer keeps the hash (it left the page, or dropped `hash-sync`). */
export function releaseHash(viewer: Element): void {
  const index = claims.indexOf(viewer);
  if (index >= 0) claims.splice(index, 1);
}
