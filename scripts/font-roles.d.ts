import type { Edition, FontRole } from '../src/edition/schema.js';

export const ROLE_TEXT: Record<FontRole, string[]>;
export function pick(data: unknown, path: string): string[];
export function roleText(edition: Edition, role: FontRole): string;
