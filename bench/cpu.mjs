// CPU time of the browser's processes: on Linux from /proc, every thread of every process in the
// browser's process tree (per-thread schedstat: nanoseconds on a CPU), with each process's type
// from its command line (--type=renderer, gpu-process, utility; none: the browser). Elsewhere,
// CDP's SystemInfo.getProcessInfo (cpuTime in whole 10 ms ticks on most systems).
import { readFileSync, readdirSync } from 'node:fs';

const hasProc = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

function children() {
  const byParent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(name));
    } catch {}
  }
  return byParent;
}

function processType(pid) {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const type = cmdline.find((arg) => arg.startsWith('--type='))?.slice(7);
    if (!type) return 'browser';
    if (type === 'utility') {
      const sub = cmdline.find((arg) => arg.startsWith('--utility-sub-type='))?.slice(19) ?? '';
      return /network/i.test(sub) ? 'network' : 'utility';
    }
    return type === 'gpu-process' ? 'gpu' : type;
  } catch {
    return 'gone';
  }
}

function threadsNs(pid) {
  let total = 0;
  let tasks;
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  for (const tid of tasks) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {}
  }
  return total;
}

/**
 * A snapshot of CPU time per process: Map pid → { type, ms }. `browserPid` is the browser's
 * process id; `cdp` a browser-level CDP session for the fallback.
 */
export async function cpuSnapshot(browserPid, cdp) {
  const snapshot = new Map();
  if (hasProc && browserPid) {
    const tree = children();
    const queue = [browserPid];
    while (queue.length) {
      const pid = queue.shift();
      const ns = threadsNs(pid);
      if (ns !== null) snapshot.set(pid, { type: processType(pid), ms: ns / 1e6 });
      queue.push(...(tree.get(pid) ?? []));
    }
    return snapshot;
  }
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  for (const p of processInfo) snapshot.set(p.id, { type: p.type.toLowerCase(), ms: p.cpuTime * 1000 });
  return snapshot;
}

/** CPU ms spent between two snapshots, in all and by process type (processes new in `b` count whole). */
export function cpuDelta(a, b) {
  const byType = {};
  let total = 0;
  for (const [pid, { type, ms }] of b) {
    const before = a.get(pid);
    const spent = Math.max(0, ms - (before && before.type === type ? before.ms : 0));
    byType[type] = (byType[type] ?? 0) + spent;
    total += spent;
  }
  return { total, byType };
}

export const cpuSource = hasProc ? '/proc (per-thread schedstat, whole process tree)' : 'CDP SystemInfo.getProcessInfo';
