/**
 * Prints one closing line in the plain form CI tools read: "tests: N passed, N failed, N skipped".
 * (Jest's own summary says "N passed, N total", which such tools do not recognise.)
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const failed = numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(
      `tests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}

module.exports = SummaryReporter;
