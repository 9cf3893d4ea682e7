/**
 * The `e-paper` command: turns what a newspaper or a library has into edition folders ready to
 * serve, checks them, indexes them and cuts their fonts. Each subcommand is a module of its own;
 * this one dispatches and turns every failure into a message and an exit code.
 */
import { archiveCommand } from './archive.js';
import { CliError, EXIT, EXIT_HELP } from './exit-codes.js';
import { fontsCommand } from './fonts.js';
import { importCommand } from './import.js';
import { validateCommand } from './validate.js';
import { tilesCommand } from './tiles/command.js';
import { useJumpChecks } from '../edition/validate.js';
import { checkJumps } from '../edition/continued/jump-checks.js';
import { useRomanizer } from '../edition/importers/text.js';
import { romanizeHan } from './romanize.js';

// The command checks editions as the viewer does, continued articles' jumps included.
useJumpChecks(checkJumps);
// Default edition ids from Chinese titles in pinyin (株洲日报 → zhuzhou-ribao-2021-01-08).
useRomanizer(romanizeHan);

declare const __E_PAPER_VERSION__: string;

export const USAGE = `e-paper: publish a newspaper edition for the <e-paper> viewer

Usage: e-paper <command> [options]

Commands:
  import <kind|auto> <inputs…> -o <dir>   an issue (IIIF, METS/ALTO, ALTO, image map, PDF) → an edition folder
  validate <edition…>                     check editions as the viewer will
  archive add <archive.json> <edition…>   add editions to the archive index (date picker)
  archive build <dir>                     index every edition under a folder
  fonts <edition.json>                    cut the edition's web fonts to the characters it prints
  tiles <edition.json>                    cut its scan pages into IIIF tiles (as import --tiles)

Every command takes --help, --json (one JSON document on stdout) and -q/--quiet.

${EXIT_HELP}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await importCommand(rest);
      case 'validate':
        return validateCommand(rest);
      case 'archive':
        return archiveCommand(rest);
      case 'fonts':
        return await fontsCommand(rest);
      case 'tiles':
        return await tilesCommand(rest);
      case '--version':
      case '-v':
        process.stdout.write(`${typeof __E_PAPER_VERSION__ === 'string' ? __E_PAPER_VERSION__ : 'dev'}\n`);
        return EXIT.ok;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new CliError(EXIT.usage, `unknown command "${command}" (e-paper --help lists them)`);
    }
  } catch (error) {
    // Under --json the failure is the document on stdout, and stderr carries only a crash.
    const json = wantsJson(rest);
    if (error instanceof CliError) {
      if (json) failureDocument(command, error.code, error.message);
      else process.stderr.write(`e-paper: ${error.message}\n`);
      return error.code;
    }
    process.stderr.write(
      `e-paper: unexpected error (a bug; please report it with the input):\n${(error as Error)?.stack ?? String(error)}\n`,
    );
    if (json) failureDocument(command, EXIT.software, `unexpected error (a bug; please report it with the input): ${String(error)}`);
    return EXIT.software;
  }
}

/** Whether the command line asks for --json (before a `--` that ends the options). */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/** The JSON document of a command that failed before it could say more. */
function failureDocument(command: string | undefined, exitCode: number, error: string): void {
  process.stdout.write(`${JSON.stringify({ command: command ?? null, ok: false, exitCode, error }, null, 2)}\n`);
}

process.exitCode = await main(process.argv.slice(2));
