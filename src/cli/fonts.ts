/**
 * `e-paper fonts <edition.json>`: what `npm run fonts` does (scripts/subset-fonts.mjs, bundled
 * into the command): cuts the edition's web fonts to the characters it prints. Needs the
 * subsetter and the source fonts, which are not the viewer's dependencies: a clear message
 * (exit 69) when they are not installed.
 */
import { subsetFonts } from '../../scripts/subset-fonts.mjs';
import { parse } from './args.js';
import { CliError, EXIT, EXIT_HELP } from './exit-codes.js';

/** The viewer's UI text, read from src/i18n/strings.ts when the command is built. */
declare const __E_PAPER_UI_TEXT__: string;

export const FONTS_USAGE = `Usage: e-paper fonts <edition.json>

Cuts the edition's web fonts (body, headline, masthead roles) down to the characters it prints,
writes them to <edition-name>/fonts/ beside it and lists them in its "fonts" field. Needs the
packages subset-font, @fontsource/noto-serif-sc, @fontsource/noto-sans-sc and
@fontsource/ma-shan-zheng (npm install --save-dev them).

${EXIT_HELP}`;

export async function fontsCommand(argv: string[]): Promise<number> {
  const parsed = parse(argv, {}, 'fonts');
  if (parsed.values.help) {
    process.stdout.write(`${FONTS_USAGE}\n`);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) throw new CliError(EXIT.usage, `expected one edition\n(e-paper fonts --help lists the options)`);
  const quiet = !!parsed.values.quiet || !!parsed.values.json;
  const lines: string[] = [];
  const out = {
    log: (...args: unknown[]) => (quiet ? lines.push(args.join(' ')) : console.log(...args)),
    warn: (...args: unknown[]) => (quiet ? lines.push(args.join(' ')) : console.warn(...args)),
    error: (...args: unknown[]) => console.error(...args),
  };
  let status: number;
  try {
    status = await subsetFonts(parsed.positionals[0], { uiText: typeof __E_PAPER_UI_TEXT__ === 'string' ? __E_PAPER_UI_TEXT__ : '', out });
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
  if (parsed.values.json)
    process.stdout.write(`${JSON.stringify({ command: 'fonts', ok: status === 0, exitCode: status, log: lines }, null, 2)}\n`);
  return status;
}
