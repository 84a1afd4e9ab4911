// `npx tsx bench/domainFineTune.ts [finetune options]`: domain fine-tuning, measured (the `finetune` command of the
// CLI with its defaults: Brown, then SOTU; 3 seeds), printed as a table and written to bench/out/finetune.json with
// every seed's score. Any option of `npm run cli -- finetune` works here, e.g. --dim 50 --seeds 5.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFineTune, runFineTune } from '../src/cli/finetune';
import { ROOT } from './trainers';

const result = await runFineTune(process.argv.slice(2), (line) => process.stderr.write(line + '\n'));
if (result !== 'help') {
  process.stdout.write(formatFineTune(result.summary) + '\n');
  const outDir = join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'finetune.json'), JSON.stringify(result.summary, null, 1));
}
