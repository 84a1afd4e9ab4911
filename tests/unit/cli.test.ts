// The command line as a user meets it: real processes (node + tsx) on a tiny temporary corpus. Training writes a
// readable vectors file and exactly one JSON line; eval scores it; every mistake ends with one clear line on stderr,
// a non-zero exit code and no stack trace.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { readVectors } from '../../src/core/vectors/formats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
// Small and quick: a few seconds per run, most of it Node + tsx starting up.
const TINY = ['--dim', '8', '--epochs', '3', '--min-count', '2', '--window', '2', '--quiet'];
// A line of a JavaScript stack trace ("    at fn (file:1:2)").
const STACK_LINE = /^\s+at .+/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  opts: { onStderr?: (text: string, child: ReturnType<typeof spawn>) => void; before?: () => void } = {},
): Promise<Run> {
  opts.before?.();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: dir, EMBEDDING_LAB_DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      opts.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function expectOneLineError(r: Run, code: number, pattern: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stdout).toBe('');
}

let dir: string;
let corpus: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-cli-test-'));
  corpus = join(dir, 'royals.txt');
  writeFileSync(corpus, TOY_CORPORA.royals!.text);
  writeFileSync(
    join(dir, 'analogies.txt'),
    [': gender', 'king queen man woman', 'man woman king queen', 'boy girl prince princess', ': unknown-words', 'king queen xyzzy plugh', ''].join('\n'),
  );
  writeFileSync(join(dir, 'similarity.txt'), ['king\tqueen\t8', 'man\twoman\t8', 'king\ttown\t2', 'boy\tkingdom\t1', 'girl\tprincess\t6', ''].join('\n'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli train', () => {
  it('writes readable word2vec text and one JSON summary line that counts corpus tokens x epochs', async () => {
    const out = join(dir, 'royals.txt.vectors.txt');
    const r = await cli(['train', '--corpus', corpus, ...TINY, '--seed', '7', '--out', 'royals.txt.vectors.txt']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const s = JSON.parse(lines[0]!);
    const expected = encodeCorpus(TOY_CORPORA.royals!.text, { minCount: 2, maxVocab: 0 });
    expect(s.words).toBe(expected.rawTokens * 3);
    expect(s.vocab).toBe(expected.vocab.words.length);
    expect(s.engine).toBe('cpu');
    expect(s.model).toBe('skipgram');
    expect(s.settings).toMatchObject({ dim: 8, window: 2, epochs: 3, minCount: 2, seed: 7, negative: 5, hs: false });
    expect(s.seconds).toBeGreaterThan(0);
    // seconds is rounded to the microsecond in the summary, words/s to a whole number.
    expect(Math.abs(s.wordsPerSec * s.seconds - s.words)).toBeLessThan(s.words * 0.01 + 1);
    expect(Number.isFinite(s.finalLoss)).toBe(true);
    expect(s.peakRssMB).toBeGreaterThan(10);
    expect(s.out).toEqual([out]);
    const kv = await readVectors(new Uint8Array(readFileSync(out)), { fileName: 'out.txt' });
    expect(kv.size).toBe(s.vocab);
    expect(kv.dim).toBe(8);
    expect(kv.words).toContain('queen');
  });

  it('shows progress on stderr and writes the projector pair and the compact format', async () => {
    const tsv = await cli(['train', '--corpus', corpus, ...TINY.filter((a) => a !== '--quiet'), '--model', 'cbow', '--out', 'r.tsv']);
    expect(tsv.code).toBe(0);
    expect(tsv.stderr).toMatch(/epoch \d+\/3 .*% .*loss .*words\/s .*lr /);
    expect(readFileSync(join(dir, 'r.metadata.tsv'), 'utf8').split('\n')).toContain('queen');
    const elv = await cli(['train', '--corpus', corpus, ...TINY, '--hs', '1', '--negative', '0', '--out', 'r.elv']);
    expect(elv.code).toBe(0);
    expect(JSON.parse(elv.stdout).settings).toMatchObject({ hs: true, negative: 0 });
    const e = await cli(['eval', '--vectors', 'r.elv', '--analogies', 'analogies.txt', '--similarity', 'similarity.txt']);
    expect(e.code).toBe(0);
    expect(e.stdout).toMatch(/analogies .*correct = [\d.]+%/);
    const t = await cli(['eval', '--vectors', 'r.tsv', '--analogies', 'none', '--similarity', 'similarity.txt', '--json']);
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout).words).toBeGreaterThan(5);
  });

  it('stops cleanly on Ctrl-C without writing a half file', async () => {
    let sent = false;
    const r = await cli(['train', '--corpus', corpus, '--dim', '8', '--epochs', '5000', '--min-count', '2', '--out', 'never.txt'], {
      onStderr: (text, child) => {
        if (!sent && /epoch \d+\//.test(text)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/stopped: training stopped at [\d.]+%; .*never\.txt was not written/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'never.txt'))).toBe(false);
  });
});

describe('cli corpus checks and Ctrl-C', () => {
  it('refuses gzip, UTF-16 and Latin-1 corpora before training, one line each naming the file', async () => {
    const text = TOY_CORPORA.royals!.text;
    writeFileSync(join(dir, 'royals.txt.gz'), gzipSync(text));
    writeFileSync(join(dir, 'royals16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from(`${text}un caf\xe9 au lait\n`, 'latin1'));
    const [gz, u16, latin1] = await Promise.all([
      cli(['train', '--corpus', 'royals.txt.gz', ...TINY]),
      cli(['train', '--corpus', 'royals16.txt', ...TINY]),
      cli(['train', '--corpus', 'latin1.txt', ...TINY]),
    ]);
    const lines = text.split('\n').length;
    const noOut = /^note: no --out given.*\n/;
    for (const r of [gz!, u16!, latin1!]) r.stderr = r.stderr.replace(noOut, '');
    expectOneLineError(gz!, 1, /^error: .*royals\.txt\.gz is gzip-compressed, not plain text: unpack it first/);
    expectOneLineError(u16!, 1, /^error: .*royals16\.txt is UTF-16 text \(little-endian\), not UTF-8/);
    expectOneLineError(latin1!, 1, new RegExp(`^error: .*latin1\\.txt is not UTF-8 text \\(invalid byte at offset ${Buffer.byteLength(text) + 6}, line ${lines}: byte 0xE9`));
  });

  it('--stream (re-reading the file each epoch, as for files over 64 MB) gives the same vectors as holding it', async () => {
    const [held, streamed] = await Promise.all([
      cli(['train', '--corpus', corpus, ...TINY, '--out', 'held.txt']),
      cli(['train', '--corpus', corpus, ...TINY, '--stream', '--out', 'streamed.txt']),
    ]);
    expect(held.code).toBe(0);
    expect(streamed.code).toBe(0);
    expect(readFileSync(join(dir, 'streamed.txt'), 'utf8')).toBe(readFileSync(join(dir, 'held.txt'), 'utf8'));
  });

  it('warns about a Chinese text without spaces, and trains on characters with --split-characters', async () => {
    writeFileSync(join(dir, 'zh.txt'), '我们今天去公园散步天气很好。\n我喜欢吃苹果和香蕉。\n他们明天要去北京看长城。\n'.repeat(40));
    const [plain, split] = await Promise.all([
      cli(['train', '--corpus', 'zh.txt', ...TINY, '--min-count', '1']),
      cli(['train', '--corpus', 'zh.txt', ...TINY, '--min-count', '1', '--split-characters']),
    ]);
    expect(plain.stderr).toMatch(/warning: .*zh\.txt has almost no spaces between words .*--split-characters/);
    expect(split.code).toBe(0);
    expect(split.stderr).not.toMatch(/warning/);
    expect(JSON.parse(split.stdout).vocab).toBeGreaterThan(20);
  });

  it('Ctrl-C while saving removes the partial file and prints one "stopped:" line', async () => {
    // Thousands of distinct words at dim 2048 make a file of tens of megabytes: saving takes seconds, not a blink.
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    writeFileSync(join(dir, 'many.txt'), `${words.join(' ')}\n${words.reverse().join(' ')}\n`);
    let sent = false;
    const r = await cli(['train', '--corpus', 'many.txt', '--dim', '2048', '--epochs', '1', '--min-count', '2', '--out', 'many.txt.vectors.txt'], {
      onStderr: (text, child) => {
        if (!sent && /saving /.test(text)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^stopped: saving stopped; .*many\.txt\.vectors\.txt was not written$/m);
    expect(r.stderr.match(/^stopped:/gm)).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('many.txt.vectors'))).toEqual([]);
  });

  it('under npm run, one Ctrl-C to the whole process group (sent twice) stops cleanly with the "stopped:" line', async () => {
    const out = join(dir, 'npm-run.txt');
    const r = await new Promise<Run>((resolve, reject) => {
      // A process group of its own, as a terminal gives to a command: the signal goes to npm and to the CLI.
      const child = spawn('npm', ['run', '-s', 'cli', '--', 'train', '--corpus', corpus, '--dim', '8', '--epochs', '5000', '--min-count', '2', '--out', out], {
        cwd: ROOT,
        detached: true,
        env: { ...process.env, EMBEDDING_LAB_DEBUG: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let sent = false;
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (!sent && /epoch \d+\//.test(stderr)) {
          sent = true;
          process.kill(-child.pid!, 'SIGINT');
        }
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r.stderr).toMatch(/^stopped: training stopped at [\d.]+%; .*npm-run\.txt was not written$/m);
    expect(r.stderr).not.toMatch(/stopped: quit at once/);
    expect(r.stderr.match(/^stopping /gm)).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(dir).filter((f) => f.startsWith('npm-run'))).toEqual([]);
  });
});

describe('cli eval', () => {
  it('prints accuracy and Spearman, and the same figures as JSON', async () => {
    const human = await cli(['eval', '--vectors', 'royals.txt.vectors.txt', '--analogies', 'analogies.txt', '--similarity', 'similarity.txt']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/analogies analogies\.txt: \d+\/3 correct = [\d.]+%/);
    expect(human.stdout).toMatch(/1 question\(s\) skipped/);
    expect(human.stdout).toMatch(/similarity similarity\.txt: Spearman -?[\d.]+/);
    const json = await cli(['eval', '--vectors', 'royals.txt.vectors.txt', '--analogies', 'analogies.txt', '--similarity', 'similarity.txt', '--json']);
    const s = JSON.parse(json.stdout);
    expect(s.analogies[0].overall.total).toBe(3);
    expect(s.analogies[0].overall.accuracy).toBeGreaterThanOrEqual(0);
    expect(s.analogies[0].overall.accuracy).toBeLessThanOrEqual(1);
    expect(s.similarity[0].pairs).toBe(5);
    expect(Math.abs(s.similarity[0].spearman)).toBeLessThanOrEqual(1);
  });

  it('names the file and line of a broken vectors file', async () => {
    writeFileSync(join(dir, 'broken.txt'), '3 4\nking 0.1 0.2 0.3 0.4\nqueen 0.1 0.2 0.3\nman 0.1 0.2 0.3 0.4\n');
    const r = await cli(['eval', '--vectors', 'broken.txt', '--analogies', 'analogies.txt', '--similarity', 'similarity.txt']);
    expectOneLineError(r, 1, /^error: broken\.txt, line 3: /);
  });
});

describe('cli mistakes', () => {
  // Independent processes: run them side by side to keep the file quick.
  it('rejects unknown flags and bad numbers (exit 2) and reports missing files (exit 1), one line each', async () => {
    const [unknown, badNumber, badExt, noCorpus, noVectors, diverged] = await Promise.all([
      cli(['train', '--corpus', corpus, '--dimm', '5']),
      cli(['train', '--corpus', corpus, '--dim', 'abc']),
      cli(['train', '--corpus', corpus, '--out', 'x.docx']),
      cli(['train', '--corpus', 'no-such-corpus.txt']),
      cli(['eval', '--vectors', 'nope.bin', '--analogies', 'analogies.txt', '--similarity', 'similarity.txt']),
      cli(['train', '--corpus', corpus, ...TINY, '--alpha', '1e30', '--out', 'diverged.txt']),
    ]);
    expectOneLineError(unknown!, 2, /unknown option --dimm .*did you mean --dim\?/);
    expectOneLineError(badNumber!, 2, /--dim expects a whole number, got "abc"/);
    expectOneLineError(badExt!, 2, /--out x\.docx: the extension picks the format/);
    expectOneLineError(noCorpus!, 1, /corpus not found: .*no-such-corpus\.txt/);
    expectOneLineError(noVectors!, 1, /cannot read .*nope\.bin: no such file/);
    expectOneLineError(diverged!, 1, /^error: Training diverged.* --alpha [\d.e+]+\./);
    expect(existsSync(join(dir, 'diverged.txt'))).toBe(false);
  });

  it('checks --out before reading the corpus: a missing folder, a file as folder, a folder as file, an unwritable folder', async () => {
    writeFileSync(join(dir, 'plain-file'), 'x');
    const [missing, fileAsFolder, folderAsFile, unwritable] = await Promise.all([
      cli(['train', '--corpus', corpus, '--out', 'no-such-folder/v.txt']),
      cli(['train', '--corpus', corpus, '--out', 'plain-file/v.txt']),
      cli(['train', '--corpus', corpus, '--out', join(dir, 'sub.txt')], { before: () => mkdirSync(join(dir, 'sub.txt'), { recursive: true }) }),
      // /sys refuses new files even to root: a folder we can rely on being unwritable on Linux.
      cli(['train', '--corpus', corpus, '--out', '/sys/v.txt']),
    ]);
    expectOneLineError(missing!, 1, /^error: --out .*no-such-folder\/v\.txt: the folder .*no-such-folder does not exist/);
    expectOneLineError(fileAsFolder!, 1, /plain-file is a file, not a folder/);
    expectOneLineError(folderAsFile!, 1, /sub\.txt is a folder; give a file name inside it/);
    if (existsSync('/sys/kernel')) expectOneLineError(unwritable!, 1, /cannot write in the folder \/sys: permission denied/);
    // Nothing was read, so the errors come before any corpus line, and no check file is left behind.
    expect(readdirSync(dir).filter((f) => f.includes('write-check'))).toEqual([]);
  });

  it('caps --threads at the cores with a note, and says when nothing will be saved', async () => {
    const r = await cli(['train', '--corpus', corpus, ...TINY, '--threads', '256']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`note: --threads 256 is more than the ${availableParallelism()} core`));
    expect(r.stderr).toMatch(/note: no --out given: the vectors will not be saved/);
    expect(JSON.parse(r.stdout).settings.threads).toBe(availableParallelism());
  });

  it('gives a bounds message for --dim above the core limit and for negative values', async () => {
    const [big, negative] = await Promise.all([
      cli(['train', '--corpus', corpus, '--dim', '4097']),
      cli(['train', '--corpus', corpus, '--alpha', '-1']),
    ]);
    expectOneLineError(big!, 2, /--dim must be a whole number from 1 to 4096, got 4097/);
    expectOneLineError(negative!, 2, /--alpha must be a number above 0, got -1/);
  });

  it('prints help for each command', async () => {
    const [r, e] = await Promise.all([cli(['train', '--help']), cli(['eval', '--help'])]);
    expect(r!.code).toBe(0);
    expect(r!.stdout).toMatch(/--min-count N .*(default 5|default: skip-gram 5)/);
    expect(r!.stdout).toMatch(/--engine cpu\|tfjs-wasm\|tfjs-cpu/);
    expect(e!.code).toBe(0);
    expect(e!.stdout).toMatch(/--similarity FILE/);
  });
});
