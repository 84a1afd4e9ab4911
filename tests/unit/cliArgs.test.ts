// The option table's checks, called directly (no process): every wrong value is refused before any work, with a
// message that names the option, the value and the allowed range.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';
import { capThreads, configFrom, trainSpec } from '../../src/cli/train';

const TRAIN_SPEC = trainSpec();
import { EVAL_SPEC } from '../../src/cli/evaluate';
import { MAX_DIM } from '../../src/core/train/validateConfig';

const base = ['--corpus', 'brown'];

function usageMessage(argv: string[], spec = TRAIN_SPEC): string {
  try {
    configFrom(parseCommand(spec, argv));
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('numeric options', () => {
  it('bounds --dim by the core limit, naming the range', () => {
    expect(parseCommand(TRAIN_SPEC, [...base, '--dim', String(MAX_DIM)]).dim).toBe(MAX_DIM);
    expect(usageMessage([...base, '--dim', String(MAX_DIM + 1)])).toBe(`--dim must be a whole number from 1 to ${MAX_DIM}, got ${MAX_DIM + 1}`);
    expect(usageMessage([...base, '--dim', '10000'])).toMatch(/from 1 to 4096/);
  });

  it('gives a bounds message for negative numbers, with a space or an equals sign', () => {
    expect(usageMessage([...base, '--dim', '-5'])).toBe(`--dim must be a whole number from 1 to ${MAX_DIM}, got -5`);
    expect(usageMessage([...base, '--alpha', '-1'])).toBe('--alpha must be a number above 0, got -1');
    expect(usageMessage([...base, '--alpha=-0.5'])).toMatch(/--alpha must be a number above 0, got -0\.5/);
    expect(usageMessage([...base, '--sample', '-.1'])).toMatch(/--sample must be a number from 0, got -\.1/);
  });

  it('still says "needs a value" when the value is really missing', () => {
    expect(usageMessage([...base, '--dim'])).toMatch(/--dim needs a value/);
    expect(usageMessage([...base, '--dim', '--quiet'])).toMatch(/--dim needs a value/);
  });

  it('refuses hex, binary, octal, Infinity and padded numbers', () => {
    expect(usageMessage([...base, '--dim', '0x10'])).toMatch(/--dim expects a whole number in decimal notation, got "0x10"/);
    expect(usageMessage([...base, '--epochs', '0b11'])).toMatch(/decimal notation/);
    expect(usageMessage([...base, '--alpha', '0o7'])).toMatch(/decimal notation/);
    expect(usageMessage([...base, '--alpha', 'Infinity'])).toMatch(/--alpha expects a number, got "Infinity"/);
    expect(usageMessage([...base, '--dim', ' 5'])).toMatch(/expects a whole number/);
    expect(usageMessage([...base, '--dim', '5.5'])).toMatch(/expects a whole number, got "5.5"/);
  });

  it('accepts plain decimals and exponents', () => {
    const o = parseCommand(TRAIN_SPEC, [...base, '--sample', '1e-4', '--alpha', '.05', '--dim', '+50', '--epochs', '1e1']);
    expect(o.sample).toBe(1e-4);
    expect(o.alpha).toBe(0.05);
    expect(o.dim).toBe(50);
    expect(o.epochs).toBe(10);
  });

  it('bounds window, negative and epochs by the engine limits too', () => {
    expect(usageMessage([...base, '--window', '1001'])).toMatch(/--window must be a whole number from 1 to 1000/);
    expect(usageMessage([...base, '--negative', '101'])).toMatch(/--negative must be a whole number from 0 to 100/);
    expect(usageMessage([...base, '--epochs', '10001'])).toMatch(/--epochs must be a whole number from 1 to 10000/);
    expect(usageMessage([...base, '--threads', '257'])).toMatch(/--threads must be a whole number from 1 to 256/);
  });

  it('checks eval numbers the same way', () => {
    expect(() => parseCommand(EVAL_SPEC, ['--vectors', 'v.txt', '--max-words', '-1'])).toThrow(/--max-words must be a whole number from 0, got -1/);
    expect(() => parseCommand(EVAL_SPEC, ['--vectors', 'v.txt', '--max-words', '0x10'])).toThrow(/decimal notation/);
  });
});

describe('threads', () => {
  it('caps threads at the cores with a note that says what was done', () => {
    expect(capThreads(2, 4)).toEqual({ threads: 2 });
    const capped = capThreads(256, 2);
    expect(capped.threads).toBe(2);
    expect(capped.note).toMatch(/--threads 256 is more than the 2 core\(s\).*training on 2 thread\(s\)/);
  });
});

describe('usage', () => {
  it('lists every bundled corpus, the toy ones included', () => {
    expect(TRAIN_SPEC.usage).toMatch(/--corpus brown\|sotu\|toy-fruit\|toy-royals\|both\|PATH/);
  });
});
