/**
 * A URL from edition data that the viewer may load: `src` resolved against `base`, kept only
 * when it is http or https (a relative URL resolves to one). Anything else (data:,
 * javascript:, unparsable) gives `undefined`.
 */
export function safeHttpUrl(src: string | undefined, base: string): string | undefined {
  if (!src) return undefined;
  try {
    const url = new URL(src, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
