/**
 * `e-paper fonts <edition.json>`: what `npm run fonts` does (scripts/subset-fonts.mjs, bundled
 * into the command): cuts the edition's web fonts into the publication's shared slices (or, with
 * --exact, to the characters it prints). Needs the subsetter and the source fonts, which are not
 * the viewer's dependencies: a clear message (exit 69) when they are not installed.
 */
import { subsetFonts } from '../../scripts/subset-fonts.mjs';
import { parse, str } from './args.js';
import { CliError, EXIT, EXIT_HELP } from './exit-codes.js';

/** The viewer's UI text, read from src/i18n/strings.ts when the command is built. */
declare const __E_PAPER_UI_TEXT__: string;

export const FONTS_USAGE = `Usage: e-paper fonts <edition.json> [-o <publication-dir>] [--exact]

Cuts the edition's web fonts (body, headline, masthead roles) and lists them in its "fonts" field.

By default into shared slices: a fixed slicing of the 3,500 common characters (level 1 of
通用规范汉字表, by frequency, 100 a slice, and a base slice of ASCII and punctuation) that every
edition of a publication shares, written once to <publication-dir>/fonts/<role>/<slice>-<hash>.woff2
(reused, not cut again, by later editions), plus one other-<hash>.woff2 per role for the edition's
rarer characters. The edition lists only the slices its text uses; the viewer fetches only those
the page in view prints, and a reader's browser keeps them from one day to the next.

Options:
  -o, --out <dir>  the publication's folder, where fonts/ goes: the folder that holds (or is above)
                   every edition of the paper, served with it (default: the edition's folder)
  --exact          one-off: cut exactly the characters this edition prints, into
                   <edition-name>/fonts/ beside it (600 KiB at most, exit 1 over)

Needs the packages subset-font and, for slices, @expo-google-fonts/noto-serif-sc,
@expo-google-fonts/noto-sans-sc and @expo-google-fonts/ma-shan-zheng (full font files); for --exact,
@fontsource/noto-serif-sc, @fontsource/noto-sans-sc and @fontsource/ma-shan-zheng (npm install
--save-dev them). Serve the slices with a long cache lifetime: their names change with their content.

${EXIT_HELP}`;

export async function fontsCommand(argv: string[]): Promise<number> {
  const parsed = parse(argv, { out: { type: 'string', short: 'o' }, exact: { type: 'boolean' } }, 'fonts');
  if (parsed.values.help) {
    process.stdout.write(`${FONTS_USAGE}\n`);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) throw new CliError(EXIT.usage, `expected one edition\n(e-paper fonts --help lists the options)`);
  const json = !!parsed.values.json;
  const quiet = !!parsed.values.quiet || json;
  const lines: string[] = [];
  // Under --json the errors are the document's `error`, and stderr carries only a crash.
  const errors: string[] = [];
  const out = {
    log: (...args: unknown[]) => (quiet ? lines.push(args.join(' ')) : console.log(...args)),
    warn: (...args: unknown[]) => (quiet ? lines.push(args.join(' ')) : console.warn(...args)),
    error: (...args: unknown[]) => (json ? errors.push(args.join(' ').replace(/^error: /, '')) : console.error(...args)),
  };
  let status: number;
  try {
    status = await subsetFonts(parsed.positionals[0], {
      exact: !!parsed.values.exact,
      root: str(parsed, 'out'),
      uiText: typeof __E_PAPER_UI_TEXT__ === 'string' ? __E_PAPER_UI_TEXT__ : '',
      out,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND')
      throw new CliError(
        EXIT.unavailable,
        `${(error as Error).message.split('\n')[0]}: the fonts command needs the font packages (e-paper fonts --help names them)`,
      );
    if (code === 'ENOENT') throw new CliError(EXIT.noInput, (error as Error).message);
    if (error instanceof SyntaxError) throw new CliError(EXIT.failed, `${parsed.positionals[0]}: not JSON (${error.message})`);
    throw error;
  }
  if (json) {
    const report = { command: 'fonts', ok: status === 0, exitCode: status, ...(errors.length && { error: errors.join('\n') }), log: lines };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  }
  return status;
}
