// Runs a Node script (argv[2], with the arguments after it) and writes its peak resident memory
// to stderr when it ends: `maxrss=<kB>`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => process.stderr.write(`\nmaxrss=${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);
