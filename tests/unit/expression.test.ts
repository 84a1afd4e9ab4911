import { describe, expect, it } from 'vitest';
import { ExpressionError, evaluateExpression, parseExpression, vectorNotation, wordsOf } from '../../src/core/vectors/expression';

// Orthogonal one-hot "word vectors" make the result read off as the weights.
const WORDS = ['king', 'man', 'woman', 'queen', 'good', 'bad', 'well-known', '1960'];
const DIM = WORDS.length;
const lookup = (w: string): Float32Array | null => {
  const i = WORDS.indexOf(w);
  if (i < 0) return null;
  const v = new Float32Array(DIM);
  v[i] = 1;
  return v;
};
const has = (w: string) => WORDS.includes(w);
const evalTo = (src: string) => {
  const v = evaluateExpression(parseExpression(src, has), lookup, DIM).vector;
  const out: Record<string, number> = {};
  WORDS.forEach((w, i) => {
    if (Math.abs(v[i]) > 1e-6) out[w] = +v[i].toFixed(6);
  });
  return out;
};
const errorOf = (src: string): ExpressionError => {
  try {
    evaluateExpression(parseExpression(src, has), lookup, DIM);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`no error for ${src}`);
};

describe('expression parser', () => {
  it('evaluates the classic analogy left to right', () => {
    expect(evalTo('king - man + woman')).toEqual({ king: 1, man: -1, woman: 1 });
    expect(evalTo('king-man+woman')).toEqual({ king: 1, man: -1, woman: 1 });
  });

  it('gives * and / precedence over + and -', () => {
    expect(evalTo('good + 2*bad')).toEqual({ good: 1, bad: 2 });
    expect(evalTo('good - bad / 4')).toEqual({ good: 1, bad: -0.25 });
    expect(evalTo('2*(king - man) + woman')).toEqual({ king: 2, man: -2, woman: 1 });
  });

  it('handles unary minus and implicit multiplication by a number', () => {
    expect(evalTo('-man + woman')).toEqual({ man: -1, woman: 1 });
    expect(evalTo('- -king')).toEqual({ king: 1 });
    expect(evalTo('0.5 good + 0.5 bad')).toEqual({ good: 0.5, bad: 0.5 });
    expect(evalTo('0.5*good + 0.5*bad')).toEqual({ good: 0.5, bad: 0.5 });
    expect(evalTo('-(king - man)')).toEqual({ king: -1, man: 1 });
    expect(evalTo('good*.25')).toEqual({ good: 0.25 });
  });

  it('keeps hyphenated words the vocabulary knows, and quoted numbers as words', () => {
    expect(evalTo('well-known - good')).toEqual({ 'well-known': 1, good: -1 });
    expect(evalTo('"1960" + king')).toEqual({ '1960': 1, king: 1 });
  });

  it('reports weights and vector notation', () => {
    const e = parseExpression('king - man + woman - 0.5*king', has);
    expect(wordsOf(e)).toEqual(['king', 'man', 'woman']);
    const { weights } = evaluateExpression(e, lookup, DIM);
    expect(Object.fromEntries(weights)).toEqual({ king: 0.5, man: -1, woman: 1 });
    expect(vectorNotation(weights)).toBe('0.5·v(king) − v(man) + v(woman)');
  });

  it('names every unknown word with its column', () => {
    const e = errorOf('king - foo + bar');
    expect(e.message).toContain('"foo" (column 8)');
    expect(e.message).toContain('"bar" (column 14)');
    expect(e.position).toBe(7);
    expect(e.length).toBe(3);
    expect(e.unknown.map((u) => u.word)).toEqual(['foo', 'bar']);
  });

  it('points at syntax errors', () => {
    expect(errorOf('king - ').message).toMatch(/Expected a word.*column 8.*end of the expression/);
    expect(errorOf('king - ').position).toBe(7);
    expect(errorOf('(king - man').message).toMatch(/Expected "\)" to close the "\(" at column 1/);
    expect(errorOf('king - man)').message).toBe('Unmatched ")" at column 11');
    expect(errorOf('king + * man').position).toBe(7);
    expect(errorOf('king $ man').message).toBe('Unexpected character "$" at column 6');
    expect(errorOf('"king').message).toMatch(/Missing closing quote/);
    expect(errorOf('   ').message).toMatch(/empty/);
  });

  it('rejects type errors with positions', () => {
    expect(errorOf('king queen').message).toMatch(/Missing \+ or - at column 6/);
    expect(errorOf('king * man').message).toMatch(/Cannot multiply two word vectors at column 6/);
    expect(errorOf('king + 2').message).toMatch(/Cannot add a number and a word vector at column 6/);
    expect(errorOf('king / man').message).toMatch(/divide by a number/);
    expect(errorOf('king / 0').message).toMatch(/Division by zero/);
    expect(errorOf('2 + 3').message).toMatch(/number, not a vector/);
  });
});

describe('expressions without an answer', () => {
  it('says the zero vector has no direction instead of naming a nearest word', () => {
    for (const src of ['king - king', '0.5 man - 0.5 man', '0 * queen']) {
      expect(errorOf(src).message).toMatch(/zero vector .*no direction/);
    }
    // A tiny but real vector is still an answer.
    expect(evalTo('king - 0.999 king')).toEqual({ king: 0.001 });
  });

  it('refuses 5,000 nested parentheses (or signs) with a clear message, not a stack overflow', () => {
    const deep = `${'('.repeat(5000)}king${')'.repeat(5000)}`;
    const e = errorOf(deep);
    expect(e.message).toMatch(/^Too deeply nested at column 101: more than 100 levels/);
    expect(errorOf(`${'-'.repeat(5000)}king`).message).toMatch(/Too deeply nested/);
    // Within the limit, nesting works.
    expect(evalTo(`${'('.repeat(50)}king${')'.repeat(50)} - man`)).toEqual({ king: 1, man: -1 });
  });
});
