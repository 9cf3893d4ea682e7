// Runs a Node script (argv[2], with the arguments after it) and writes to stderr when it ends:
// `maxrss=<kB> cpu=<ms> children=<ms> tree=<kB> readers=<kB>`: its own peak resident memory and
// processor time (user + system, all its threads); the processor time of the child processes it
// waited for (`import pdf --jobs`'s readers: /proc/self/stat's cutime + cstime); the peak of the
// resident memory of it and its children together, and of its largest child alone, sampled from
// /proc every 20 ms (Linux; 0 where /proc cannot be read).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];

const TICK_MS = 10; // USER_HZ: /proc's clock ticks are 1/100 s on Linux.
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const children = () =>
  readdirSync('/proc/self/task').flatMap((tid) =>
    readFileSync(`/proc/self/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
let tree = 0;
let readers = 0;
const sample = () => {
  try {
    const sizes = children().map((pid) => {
      try {
        return rssKb(pid);
      } catch {
        return 0; // ended meanwhile
      }
    });
    tree = Math.max(tree, rssKb('self') + sizes.reduce((a, b) => a + b, 0));
    readers = Math.max(readers, ...sizes);
  } catch {
    // no /proc here
  }
};
setInterval(sample, 20).unref();

process.on('exit', () => {
  sample();
  const usage = process.resourceUsage();
  let waited = 0;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    waited = (Number(fields[13]) + Number(fields[14])) * TICK_MS; // cutime, cstime
  } catch {
    // no /proc here
  }
  tree = Math.max(tree, usage.maxRSS);
  process.stderr.write(
    `\nmaxrss=${usage.maxRSS} cpu=${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)} children=${waited} tree=${tree} readers=${readers}\n`,
  );
});
await import(pathToFileURL(resolve(script)).href);
