// The commit subjects of CONTRIBUTING.md: under 72 characters, with a scope (`viewer: …`,
// `tests, bench: …`). Checks every commit after BASELINE reachable from HEAD (older history is
// left as it was published: it is never rewritten). Part of `npm run lint`; outside a git
// checkout (an unpacked package) there is nothing to check.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The last commit before the rule was checked: two earlier subjects are 73 and 76 characters. */
const BASELINE = 'b6e8a7e';
const MAX = 72;
const SUBJECT = /^[a-z][a-z0-9./-]*(, [a-z][a-z0-9./-]*)*: \S/;

/** The problems of one subject, as sentences ('' when none). */
export function subjectProblems(subject) {
  const problems = [];
  if ([...subject].length > MAX) problems.push(`${[...subject].length} characters (at most ${MAX})`);
  if (!SUBJECT.test(subject)) problems.push('no scope (`viewer: …`)');
  return problems.join('; ');
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

function subjectsSinceBaseline() {
  try {
    git('rev-parse', '--verify', '--quiet', `${BASELINE}^{commit}`);
  } catch {
    return undefined; // not a checkout of this history (a package, a shallow clone)
  }
  return git('log', '--format=%h %s', `${BASELINE}..HEAD`)
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ hash: line.slice(0, line.indexOf(' ')), subject: line.slice(line.indexOf(' ') + 1) }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const commits = subjectsSinceBaseline();
  if (!commits) {
    console.log('check-commits: no git history here, nothing to check');
  } else {
    const bad = commits.map((c) => ({ ...c, problems: subjectProblems(c.subject) })).filter((c) => c.problems);
    for (const c of bad) console.error(`${c.hash} ${c.subject}\n  ${c.problems}`);
    if (bad.length) {
      console.error(`check-commits: ${bad.length} of ${commits.length} commit subjects break CONTRIBUTING.md's rule`);
      process.exitCode = 1;
    } else console.log(`check-commits: ${commits.length} commit subjects checked`);
  }
}
