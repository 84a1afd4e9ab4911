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
  contextual: 'Print the vector of a word in each sentence of a file, from the contextual model.',
} as const;

const OVERVIEW = `Embedding Lab command line: train word vectors and evaluate them, headless.

Usage:
  npm run cli -- train --corpus ${BUNDLED_CORPORA.join('|')}|PATH [options] --out FILE
  npm run cli -- eval --vectors FILE [--analogies FILE] [--similarity FILE] [--json]
  npm run cli -- contextual --word WORD --sentences FILE [--weights FILE.elcm] [--static VECTORS]

Commands:
  train   ${COMMANDS.train}
  eval    ${COMMANDS.eval}
  contextual  ${COMMANDS.contextual}

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
  if (command === 'contextual') {
    const { CONTEXTUAL_SPEC, runContextual } = await import('./contextual');
    const result = await runContextual(rest);
    process.stdout.write(result === 'help' ? helpText(CONTEXTUAL_SPEC) : result.map((r) => JSON.stringify(r) + '\n').join(''));
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
