import { toJsonSchema } from '@valibot/to-json-schema';
import { EditionSchema } from './schema.js';

/**
 * The edition format as JSON Schema (draft-07), for publishers' tools. Checks that JSON Schema
 * cannot say (ids unique and known, shapes inside their page) are the validator's alone.
 */
export function editionJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = toJsonSchema(EditionSchema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return { $schema, title: 'e-paper edition, format version 1', ...schema };
}
