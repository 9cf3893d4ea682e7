import { expect } from '@open-wc/testing';
import { eitherSignal } from '../src/edition/load.js';

/** Runs `body` as in a browser without AbortSignal.any (Safari before 17.4, Firefox before 124). */
async function withoutAny(body: () => Promise<void>): Promise<void> {
  const original = AbortSignal.any;
  // @ts-expect-error: taken away on purpose
  delete AbortSignal.any;
  try {
    expect(typeof AbortSignal.any).to.equal('undefined');
    await body();
  } finally {
    AbortSignal.any = original;
  }
}

describe('eitherSignal', () => {
  for (const [name, run] of [
    ['with AbortSignal.any', (body: () => Promise<void>) => body()],
    ['without AbortSignal.any', withoutAny],
  ] as const) {
    it(`aborts with the first source's reason, ${name}`, () =>
      run(async () => {
        const outer = new AbortController();
        const timeout = AbortSignal.timeout(50);
        const combined = eitherSignal(outer.signal, timeout);
        expect(combined.aborted).to.equal(false);
        await new Promise((resolve) => combined.addEventListener('abort', resolve, { once: true }));
        expect((combined.reason as DOMException).name).to.equal('TimeoutError');

        const stop = new AbortController();
        const other = eitherSignal(stop.signal, AbortSignal.timeout(60_000));
        stop.abort(new Error('moved on'));
        expect(other.aborted).to.equal(true);
        expect((other.reason as Error).message).to.equal('moved on');

        const already = new AbortController();
        already.abort('gone');
        expect(eitherSignal(already.signal, AbortSignal.timeout(60_000)).reason).to.equal('gone');
      }));
  }
});
