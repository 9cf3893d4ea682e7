/**
 * Command-line options through Node's own `util.parseArgs` (no dependency): strict, with its
 * errors turned into a usage error that names the option.
 */
import { parseArgs } from 'node:util';
import { CliError, EXIT } from './exit-codes.js';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean }>;

/** The options every command takes. */
export const COMMON: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `argv` against `options` (and {@link COMMON}); a bad command line is a CliError with the usage code. */
export function parse(argv: string[], options: OptionSpec, command: string): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (error) {
    throw new CliError(
      EXIT.usage,
      `${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\n(e-paper ${command} --help lists the options)`,
    );
  }
}

/** A string option's value, or undefined. */
export const str = (parsed: Parsed, name: string): string | undefined => {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
};

/** A positive number option, or a usage error naming it. */
export function positiveNumber(parsed: Parsed, name: string): number | undefined {
  const value = str(parsed, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new CliError(EXIT.usage, `--${name}: expected a positive number, got "${value}"`);
  return n;
}
