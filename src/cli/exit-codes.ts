/**
 * The command's exit codes, for scripts (sysexits.h numbers where one fits). Documented in the
 * README's "Publishing an edition" and in `e-paper --help`.
 */
export const EXIT = {
  /** Done (warnings, if any, are in the warnings file). */
  ok: 0,
  /** The input could not be imported, or the edition is not valid (fonts: characters missing or over budget). */
  failed: 1,
  /** Done, but with warnings, and `--strict` was given. */
  warnings: 2,
  /** fonts: the edition changed while the fonts were cut; run again. */
  changed: 3,
  /**
   * import: the edition is written, but pages or page files of the input are left out of it (each
   * named in a warning and on the summary's last line): they could not be read.
   */
  partial: 4,
  /** Bad command line: unknown command or option, missing argument. */
  usage: 64,
  /** An input file or URL could not be read. */
  noInput: 66,
  /** A package the command needs for this is not installed (fonts). */
  unavailable: 69,
  /** A bug: an unexpected error (please report it with the input). */
  software: 70,
  /** The output could not be written. */
  cantCreate: 73,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with `code` and a message for the user (no stack trace). */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly code: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

export const EXIT_HELP = `Exit codes:
  0   done (warnings, if any, are in the warnings file)
  1   the input could not be imported, or the edition is not valid
  2   done, with warnings, and --strict was given
  3   fonts: the edition changed while the fonts were cut
  4   import: edition written, but pages of the input are left out of it
      (named in the warnings; with --strict, 2)
  64  bad command line          66  an input could not be read
  69  a needed package is missing   70  unexpected error (a bug)
  73  the output could not be written`;
