// Prints one closing line, "N passed, N failed", that CI can read. A test file that failed to
// load, or whose session errored outside any test, counts as a failure.
function countTests(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countTests(child, counts);
}

export function summaryReporter() {
  let sessionsOf;
  return {
    start({ sessions }) {
      sessionsOf = sessions;
    },
    onTestRunFinished() {},
    stop() {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessionsOf.all()) {
        if (session.testResults) countTests(session.testResults, counts);
        const broken = !session.passed && (session.errors?.length ?? 0) > 0;
        if (broken || !session.testResults) counts.failed += 1;
      }
      const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
      console.log(`\n${counts.passed} passed, ${counts.failed} failed${skipped}`);
    },
  };
}
