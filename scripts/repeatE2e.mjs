// Runs the browser suite several times in a row and prints how many runs passed, so that a flaky test shows up
// before a user meets it: `npm run test:e2e:repeat -- 3` (default 3 runs; extra arguments go to vitest, e.g. a file).
// Each run builds and serves the lab afresh (tests/e2e/globalSetup.ts), as CI does.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const runs = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 3;
if (runs < 1) {
  console.error('repeat: the number of runs must be at least 1');
  process.exit(2);
}
const failed = [];
for (let i = 1; i <= runs; i++) {
  console.log(`\n=== browser suite, run ${i} of ${runs} ===`);
  const r = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(i);
}
console.log(`\n${runs - failed.length} of ${runs} runs passed${failed.length ? ` (failed: run ${failed.join(', ')})` : ''}`);
process.exit(failed.length ? 1 : 0);
