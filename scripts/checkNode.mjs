// Stops early, with one clear line, on a Node.js older than the tools need: vite 8, rolldown and eslint 10 need
// 20.19 or newer (Debian 12's own nodejs package is 18.20), and they fail later with obscure errors otherwise.
// Plain JavaScript with nothing but node: imports, so that it runs on any old Node. Keep FLOOR in step with
// "engines" in package.json (tests/unit/checkNode.test.ts checks that).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FLOOR = '20.19.0';

/** True when version `have` ("18.20.4") is older than `floor` ("20.19.0"). */
export function isOlder(have, floor = FLOOR) {
  const a = have.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < b.length; i++) {
    if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) < b[i];
  }
  return false;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly && isOlder(process.versions.node)) {
  console.error(
    `Embedding Lab needs Node.js ${FLOOR} or newer; this is ${process.versions.node}. ` +
      'Install a current Node.js (for example from nodejs.org or NodeSource), then run the command again.',
  );
  process.exit(1);
}
