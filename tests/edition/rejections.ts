// What the format's tests share: the validator's messages for data it must refuse.
import { expect } from '@open-wc/testing';
import { EditionError, validateEdition } from '../../src/edition/validate.js';

/** Runs the validator and returns its messages; fails the test if it accepts the input. */
export function rejections(data: unknown): string[] {
  try {
    validateEdition(data);
  } catch (error) {
    expect(error).to.be.instanceOf(EditionError);
    return (error as EditionError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('the validator accepted invalid data');
}
