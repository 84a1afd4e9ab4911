// The Embedding Lab command line: `train` and `eval` over the same core the browser lab runs.
//   npm run cli -- train --corpus brown --out brown.txt
//   npm run cli -- eval --vectors brown.txt
// Any failure is one line on stderr and a non-zero exit code (2 = usage, 1 = run time, 130 = Ctrl-C); stack traces
// are shown only with EMBEDDING_LAB_DEBUG=1, for developers.
import { helpText } from './args';
import { explain, EXIT_RUNTIME, EXIT_USAGE, UsageError } from './errors';
import { BUNDLED_CORPORA } from '../../scripts/buildCorpora';

const COMMANDS = {
  train: 'Train word vectors (skip-gram or CBOW) on a corpus, with the same engine the browser lab uses.',
  eval: 'Score word vectors on analogies (accuracy) and word similarity (Spearman correlation).',
  probe: 'Probe word vectors for part of speech, with a control task, selectivity and a majority baseline.',
  transfer: 'Transfer curve: Brown genre accuracy against labelled documents (random, frozen, fine-tuned vectors).',
  align: 'Cross-space retrieval: map one vector space onto another, P@1/P@5 on held-out words with the seed-noise ceiling.',
  finetune: 'Domain fine-tuning: continue a Brown model on SOTU with its output vectors kept; score against each corpus alone.',
  search: "Search Brown's documents by BM25 keywords, mean word vectors or SIF-weighted vectors.",
} as const;

const OVERVIEW = `Embedding Lab command line: train word vectors and evaluate them, headless.

Usage:
  npm run cli -- train --corpus ${BUNDLED_CORPORA.join('|')}|PATH [options] --out FILE
  npm run cli -- eval --vectors FILE [--analogies FILE] [--similarity FILE] [--json]
  npm run cli -- probe --vectors FILE [--seeds N] [--json]
  npm run cli -- transfer [--vectors NAME|FILE] [--sizes 15,30,60,...] [--seeds N] [--json]
  npm run cli -- align --from A --to B [--method orth|lsq] [--json]
  npm run cli -- finetune [--general brown|PATH] [--domain sotu|PATH] [--seeds N] [--out FILE] [--json]
  npm run cli -- search --index brown --query "..." [--k 10] [--method sif|mean|bm25] [--json]

Commands:
  train   ${COMMANDS.train}
  eval    ${COMMANDS.eval}
  probe   ${COMMANDS.probe}
  transfer  ${COMMANDS.transfer}
  align   ${COMMANDS.align}
  finetune  ${COMMANDS.finetune}
  search  ${COMMANDS.search}

Run "npm run cli -- COMMAND --help" for the options of one command.
`;

const log = (line: string) => process.stderr.write(line + '\n');

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(OVERVIEW);
    return EXIT_USAGE;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(OVERVIEW);
    return 0;
  }
  // Each command loads only its own code: `eval` never pulls in the trainers, `train` never the evaluator.
  if (command === 'train') {
    const { trainSpec, runTrain } = await import('./train');
    const result = await runTrain(rest, log);
    process.stdout.write(result === 'help' ? helpText(trainSpec()) : JSON.stringify(result) + '\n');
    return 0;
  }
  if (command === 'eval') {
    const { EVAL_SPEC, formatEval, runEval } = await import('./evaluate');
    const result = await runEval(rest);
    if (result === 'help') process.stdout.write(helpText(EVAL_SPEC));
    else process.stdout.write((result.json ? JSON.stringify(result.summary) : formatEval(result.summary)) + '\n');
    return 0;
  }
  if (command === 'probe') {
    const { PROBE_SPEC, formatProbe, runProbeCommand } = await import('./probe');
    const result = await runProbeCommand(rest, log);
    if (result === 'help') process.stdout.write(helpText(PROBE_SPEC));
    else process.stdout.write((result.json ? JSON.stringify(result.summary) : formatProbe(result.summary)) + '\n');
    return 0;
  }
  if (command === 'transfer') {
    const { TRANSFER_SPEC, formatTransfer, runTransfer } = await import('./transfer');
    const result = await runTransfer(rest, log);
    if (result === 'help') process.stdout.write(helpText(TRANSFER_SPEC));
    else process.stdout.write((result.json ? JSON.stringify(result.summary) : formatTransfer(result.summary)) + '\n');
    return 0;
  }
  if (command === 'align') {
    const { ALIGN_SPEC, formatAlign, runAlign } = await import('./align');
    const result = await runAlign(rest);
    if (result === 'help') process.stdout.write(helpText(ALIGN_SPEC));
    else process.stdout.write((result.json ? JSON.stringify(result.summary) : formatAlign(result.summary)) + '\n');
    return 0;
  }
  if (command === 'finetune') {
    const { FINETUNE_SPEC, formatFineTune, runFineTune } = await import('./finetune');
    const result = await runFineTune(rest, log);
    if (result === 'help') process.stdout.write(helpText(FINETUNE_SPEC));
    else process.stdout.write((result.json ? JSON.stringify(result.summary) : formatFineTune(result.summary)) + '\n');
    return 0;
  }
  if (command === 'search') {
    const { SEARCH_SPEC, formatSearch, runSearch } = await import('./search');
    const result = await runSearch(rest);
    if (result === 'help') process.stdout.write(helpText(SEARCH_SPEC));
    else process.stdout.write((result.json ? JSON.stringify(result.summary) : formatSearch(result.summary)) + '\n');
    return 0;
  }
  throw new UsageError(`unknown command "${command}"; the commands are: ${Object.keys(COMMANDS).join(', ')}`);
}

function fail(err: unknown): void {
  const { code, message } = explain(err);
  log(message);
  if (process.env.EMBEDDING_LAB_DEBUG && err instanceof Error && err.stack) log(err.stack);
  process.exitCode = code;
}

// Errors that escape the promise chain (a worker thread, a stray callback) still end as one line, not a trace.
process.on('uncaughtException', (err) => {
  fail(err);
  process.exit(process.exitCode ?? EXIT_RUNTIME);
});
process.on('unhandledRejection', (err) => {
  fail(err);
  process.exit(process.exitCode ?? EXIT_RUNTIME);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  fail,
);
