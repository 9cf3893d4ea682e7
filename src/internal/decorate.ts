/**
 * The helper that the bundles' TypeScript decorators call (scripts/build.mjs has the compiler
 * write `babelHelpers.decorate(…)` and points it here), in place of the compiler's general one.
 * Our code has decorators on class members only (Lit's `@property` and `@state`), which the
 * compiler writes as `decorate([…], Class.prototype, 'name', void 0)` for a field and with `null`
 * for an accessor, whose descriptor the decorators then receive. The general helper also runs
 * class decorators and hands over to a `Reflect.decorate` a host page may have installed: neither
 * is needed here, and leaving them out takes 0.09 kB off the first render.
 */
type MemberDecorator = (target: object, key: PropertyKey, descriptor?: PropertyDescriptor) => PropertyDescriptor | void;

/**
 * Applies `decorators` to the member `key` of `target`, the last first, as TypeScript's
 * experimental decorators do; defines what they return (or an accessor's descriptor) on it.
 */
export default function decorate(
  decorators: MemberDecorator[],
  target: object,
  key: PropertyKey,
  descriptor: PropertyDescriptor | null | undefined,
): void {
  if (descriptor === null) descriptor = Object.getOwnPropertyDescriptor(target, key);
  for (let i = decorators.length; i--;) descriptor = decorators[i](target, key, descriptor) || descriptor;
  if (descriptor) Object.defineProperty(target, key, descriptor);
}
