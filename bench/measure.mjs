// Runs a Node script (argv[2], with the arguments after it) and writes its peak resident memory
// and its processor time (user + system) to stderr when it ends: `maxrss=<kB> cpu=<ms>`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nmaxrss=${usage.maxRSS} cpu=${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});
await import(pathToFileURL(resolve(script)).href);
