export function ensureInstalled(dir: string, log?: (line: string) => void): void;
