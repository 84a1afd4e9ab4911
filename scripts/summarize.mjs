// Prints the one closing line CI reads, "N passed, N failed", from vitest's JSON report. A run that stopped before
// the tests (typecheck, lint, install) counts as one failure so that it can never read as green.
import { existsSync, readFileSync } from 'node:fs';

const [file, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (file && existsSync(file)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = r.numFailedTests ?? 0;
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // Suites that failed to load have no tests in them; count each as a failure.
  for (const s of r.testResults ?? []) if (s.status === 'failed' && (s.assertionResults ?? []).length === 0) failed++;
}
if (Number(status) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
