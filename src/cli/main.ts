// The Embedding Lab command line: training, evaluation and the applications, over the same core the browser lab runs.
//   npm run cli -- train --corpus brown --out brown.txt
//   npm run cli -- eval --vectors brown.txt
// Any failure is one line on stderr and a non-zero exit code (2 = usage, 1 = run time, 130 = Ctrl-C); stack traces
// are shown only with EMBEDDING_LAB_DEBUG=1, for developers.
import { helpText, type CommandSpec } from './args';
import { explain, EXIT_RUNTIME, EXIT_USAGE, UsageError } from './errors';
import { BUNDLED_CORPORA } from '../../scripts/buildCorpora';

/** What a reporting command returns: its help was asked for, or a summary to print as text or JSON. */
type Outcome<S> = 'help' | { json: boolean; summary: S };

/** Prints a reporting command's outcome: help, one JSON line, or its readable text. */
function print<S>(spec: CommandSpec, outcome: Outcome<S>, format: (summary: S) => string): number {
  if (outcome === 'help') process.stdout.write(helpText(spec));
  else process.stdout.write((outcome.json ? JSON.stringify(outcome.summary) : format(outcome.summary)) + '\n');
  return 0;
}

interface Command {
  summary: string;
  usage: string;
  /** Loads the command's own module only when it runs: `eval` never pulls in the trainers, `train` never the evaluator. */
  run(args: readonly string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  train: {
    summary: 'Train word vectors (any registered model) on a corpus, with the same engine the browser lab uses.',
    usage: `train --corpus ${BUNDLED_CORPORA.join('|')}|PATH [options] --out FILE`,
    run: async (args) => {
      const { trainSpec, runTrain } = await import('./train');
      const result = await runTrain(args, log);
      process.stdout.write(result === 'help' ? helpText(trainSpec()) : JSON.stringify(result) + '\n');
      return 0;
    },
  },
  eval: {
    summary: 'Score word vectors on analogies (accuracy) and word similarity (Spearman correlation).',
    usage: 'eval --vectors FILE [--analogies FILE] [--similarity FILE] [--json]',
    run: async (args) => {
      const m = await import('./evaluate');
      return print(m.EVAL_SPEC, await m.runEval(args), m.formatEval);
    },
  },
  probe: {
    summary: 'Probe word vectors for part of speech, with a control task, selectivity and a majority baseline.',
    usage: 'probe --vectors FILE [--seeds N] [--json]',
    run: async (args) => {
      const m = await import('./probe');
      return print(m.PROBE_SPEC, await m.runProbeCommand(args, log), m.formatProbe);
    },
  },
  transfer: {
    summary: 'Transfer curve: Brown genre accuracy against labelled documents (random, frozen, fine-tuned vectors).',
    usage: 'transfer [--vectors NAME|FILE] [--sizes 15,30,60,...] [--seeds N] [--json]',
    run: async (args) => {
      const m = await import('./transfer');
      return print(m.TRANSFER_SPEC, await m.runTransfer(args, log), m.formatTransfer);
    },
  },
  align: {
    summary: 'Cross-space retrieval: map one vector space onto another, P@1/P@5 on held-out words with the seed-noise ceiling.',
    usage: 'align --from A --to B [--method orth|lsq] [--pairs DICTIONARY] [--json]',
    run: async (args) => {
      const m = await import('./align');
      return print(m.ALIGN_SPEC, await m.runAlign(args), m.formatAlign);
    },
  },
  finetune: {
    summary: 'Domain fine-tuning: continue a Brown model on SOTU with its output vectors kept; score against each corpus alone.',
    usage: 'finetune [--general brown|PATH] [--domain sotu|PATH] [--seeds N] [--out FILE] [--json]',
    run: async (args) => {
      const m = await import('./finetune');
      return print(m.FINETUNE_SPEC, await m.runFineTune(args, log), m.formatFineTune);
    },
  },
  search: {
    summary: "Search Brown's documents by BM25 keywords, mean word vectors or SIF-weighted vectors.",
    usage: 'search --index brown --query "..." [--k 10] [--method sif|mean|bm25] [--json]',
    run: async (args) => {
      const m = await import('./search');
      return print(m.SEARCH_SPEC, await m.runSearch(args), m.formatSearch);
    },
  },
  recommend: {
    summary: 'Item2vec recommendations on generated sessions: hit rate@10 against popularity and random, and cold start.',
    usage: 'recommend [--seed N] [--seeds N] [--sessions N] [--json]',
    run: async (args) => {
      const m = await import('./recommend');
      return print(m.RECOMMEND_SPEC, await m.runRecommend(args, log), m.formatRecommend);
    },
  },
  contextual: {
    summary: 'Print the vector of a word in each sentence of a file, from the contextual model (or a static file).',
    usage: 'contextual --word WORD --sentences FILE [--weights FILE.elcm] [--static VECTORS]',
    run: async (args) => {
      const { CONTEXTUAL_SPEC, runContextual } = await import('./contextual');
      const result = await runContextual(args);
      process.stdout.write(result === 'help' ? helpText(CONTEXTUAL_SPEC) : result.map((r) => JSON.stringify(r) + '\n').join(''));
      return 0;
    },
  },
};

const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
const OVERVIEW = `Embedding Lab command line: train, evaluate and apply word vectors, headless.

Usage:
${Object.values(COMMANDS).map((c) => `  npm run cli -- ${c.usage}`).join('\n')}

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(NAME_WIDTH)}${c.summary}`).join('\n')}

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
  const found = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!found) throw new UsageError(`unknown command "${command}"; the commands are: ${Object.keys(COMMANDS).join(', ')}`);
  return found.run(rest);
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
