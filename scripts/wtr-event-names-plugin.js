// A web-test-runner plugin that reads the names of e-paper's events from the source, for the test
// that a host page hears only the public ones (tests/host-events.test.ts):
//
//   await executeServerCommand('event-names')   // ['e-paper-archive-select', …], sorted
//
// A name counts if it is a key of an interface named …EventMap other than the DOM's own
// (EPaperEventMap, EPaperInternalEventMap, EPaperReaderEventMap) or the first string argument of
// a call that fires an event (`new CustomEvent(…)`, `emit(…)`, `fire(…)`, `emitRegion(…)`,
// `#emit(…)`), so that a new event is listened for without touching the test.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Every .ts file under `dir` (but the command's, which fires no DOM event). */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'cli' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const FIRED = /(?:new CustomEvent(?:<[^>]*>)?\(|\b(?:emit\w*|fire)\((?:[^,()]+,\s*)?)'(e-paper-[a-z-]+)'/g;
const EVENT_MAP = /interface (?!HTMLElementEventMap\b)\w*EventMap\b[^{]*\{([^}]*)\}/g;
const KEY = /^\s*'(e-paper-[a-z-]+)'\s*:/gm;

/** The event names in the source under `rootDir`/src. */
export function eventNames(rootDir) {
  const names = new Set();
  for (const file of sources(resolve(rootDir, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, name] of text.matchAll(FIRED)) names.add(name);
    for (const [, body] of text.matchAll(EVENT_MAP)) for (const [, name] of body.matchAll(KEY)) names.add(name);
  }
  return [...names].sort();
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function eventNamesPlugin() {
  let rootDir = process.cwd();
  return {
    name: 'e-paper-event-names',
    serverStart({ config }) {
      rootDir = resolve(config.rootDir ?? process.cwd());
    },
    executeCommand({ command }) {
      return command === 'event-names' ? eventNames(rootDir) : undefined;
    },
  };
}
