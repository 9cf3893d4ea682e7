export function apiTables(manifest: unknown, tagName?: string): string;
export function withApi(readme: string, tables: string): string;
export const API_START: string;
export const API_END: string;
