import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { EditionSchema, PageFileSchema } from './schema.js';

/** `schema` as JSON Schema (draft-07) under `title`. */
function jsonSchema(schema: v.GenericSchema, title: string): Record<string, unknown> {
  const { $schema, ...rest } = toJsonSchema(schema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return { $schema, title, ...rest };
}

/**
 * The edition format as JSON Schema (draft-07), for publishers' tools. Checks that JSON Schema
 * cannot say (ids unique and known, shapes inside their page) are the validator's alone.
 */
export function editionJsonSchema(): Record<string, unknown> {
  return jsonSchema(EditionSchema, 'e-paper edition, format version 1');
}

/**
 * The page file format as JSON Schema (draft-07). Checks that JSON Schema cannot say (the page
 * matches the reference that points to it, article ids new to the edition) are the validator's.
 */
export function pageFileJsonSchema(): Record<string, unknown> {
  return jsonSchema(PageFileSchema, 'e-paper page file, format version 1');
}
