// Free vector-arithmetic expressions over word vectors: `king - man + woman`, `0.5*good + 0.5*bad`,
// `2 (paris - france) + japan`, `-man + woman`. Pure: the caller gives a lookup from word to vector, so the same
// parser serves the playground, lessons and tests. Errors carry a 0-based position so the UI can point at it.
//
// Grammar (precedence from loose to tight):
//   expr   := term (('+' | '-') term)*
//   term   := unary (('*' | '/' | <juxtaposition>) unary)*     `0.5 good` means 0.5 * good
//   unary  := ('+' | '-') unary | atom
//   atom   := NUMBER | WORD | '"' any text '"' | '(' expr ')'
// Numbers are literals; a word that looks like a number ("1960") must be quoted. A hyphenated token such as
// `well-known` is one word when the vocabulary has it, otherwise the hyphens are minus signs (`king-man+woman`).

export type Expr =
  | { kind: 'number'; value: number; pos: number; end: number }
  | { kind: 'word'; word: string; pos: number; end: number }
  | { kind: 'negate'; arg: Expr; pos: number; end: number }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr; pos: number; end: number; implicit?: boolean };

export class ExpressionError extends Error {
  /** 0-based index into the source where the problem starts, and how many characters it spans (at least 1). */
  readonly position: number;
  readonly length: number;
  /** For unknown words: each unknown word with its position. */
  readonly unknown: { word: string; position: number }[];
  constructor(message: string, position: number, length = 1, unknown: { word: string; position: number }[] = []) {
    super(message);
    this.name = 'ExpressionError';
    this.position = position;
    this.length = Math.max(1, length);
    this.unknown = unknown;
  }
}

type Token =
  | { t: 'num'; value: number; pos: number; end: number; text: string }
  | { t: 'word'; word: string; pos: number; end: number }
  | { t: 'op'; op: '+' | '-' | '*' | '/' | '(' | ')'; pos: number; end: number }
  | { t: 'eof'; pos: number; end: number };

/**
 * Deepest nesting of parentheses and signs the parser follows. The parser recurses once per level, so 5,000 "("
 * would overflow the stack; no sensible expression comes near this.
 */
export const MAX_NESTING = 100;

/**
 * A result shorter than this is the zero vector for every purpose (word vectors here have lengths near 1): it has
 * no direction, so "nearest by cosine" means nothing (king - king).
 */
export const ZERO_VECTOR_NORM = 1e-6;

/** Column for humans (1-based). */
export function column(position: number): number {
  return position + 1;
}

const NUMBER_RE = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i;
// Word characters: letters, digits, marks, apostrophes, underscores, dots inside words (e.g. "u.s."), hyphens
// (split later if the vocabulary lacks the hyphenated form).
const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}_'’.&-]/u;

function tokenize(src: string, hasWord: (w: string) => boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if ('+-*/()'.includes(ch)) {
      out.push({ t: 'op', op: ch as '+', pos: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '×') {
      out.push({ t: 'op', op: '*', pos: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '"') {
      const close = src.indexOf('"', i + 1);
      if (close < 0) throw new ExpressionError(`Missing closing quote for the quote at column ${column(i)}`, i, src.length - i);
      const word = src.slice(i + 1, close);
      if (word.trim() === '') throw new ExpressionError(`Empty quoted word at column ${column(i)}`, i, close - i + 1);
      out.push({ t: 'word', word, pos: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    const num = NUMBER_RE.exec(src.slice(i));
    // A number only when it is not the start of a longer word ("3d" is a word, "3 d" is 3 * d).
    if (num && !(i + num[0].length < src.length && /[\p{L}_]/u.test(src[i + num[0].length]))) {
      out.push({ t: 'num', value: Number(num[0]), pos: i, end: i + num[0].length, text: num[0] });
      i += num[0].length;
      continue;
    }
    if (WORD_CHAR_RE.test(ch) && ch !== '-' && ch !== '.') {
      let j = i;
      while (j < src.length && WORD_CHAR_RE.test(src[j])) j++;
      // Trailing dots and hyphens belong to the expression, not the word ("king-" is "king -").
      while (j > i + 1 && (src[j - 1] === '-' || src[j - 1] === '.') && !hasWord(src.slice(i, j))) j--;
      pushWord(out, src.slice(i, j), i, hasWord);
      i = j;
      continue;
    }
    throw new ExpressionError(`Unexpected character "${ch}" at column ${column(i)}`, i);
  }
  out.push({ t: 'eof', pos: src.length, end: src.length });
  return out;
}

/** Split `king-man` into king, -, man unless the vocabulary knows the whole hyphenated word. */
function pushWord(out: Token[], word: string, pos: number, hasWord: (w: string) => boolean): void {
  if (!word.includes('-') || hasWord(word)) {
    out.push({ t: 'word', word, pos, end: pos + word.length });
    return;
  }
  let offset = 0;
  for (const part of word.split('-')) {
    if (offset > 0) out.push({ t: 'op', op: '-', pos: pos + offset - 1, end: pos + offset });
    if (part !== '') out.push({ t: 'word', word: part, pos: pos + offset, end: pos + offset + part.length });
    offset += part.length + 1;
  }
}

function describeToken(tok: Token): string {
  switch (tok.t) {
    case 'eof':
      return 'the end of the expression';
    case 'num':
      return `"${tok.text}"`;
    case 'word':
      return `"${tok.word}"`;
    case 'op':
      return `"${tok.op}"`;
  }
}

/** Parse an expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(src: string, hasWord: (w: string) => boolean = () => false): Expr {
  if (src.trim() === '') throw new ExpressionError('The expression is empty: type words joined by + and -, e.g. king - man + woman', 0);
  const toks = tokenize(src, hasWord);
  let k = 0;
  const peek = () => toks[k];
  const next = () => toks[k++];
  let depth = 0;
  const deeper = (tok: Token): void => {
    if (++depth > MAX_NESTING) {
      throw new ExpressionError(
        `Too deeply nested at column ${column(tok.pos)}: more than ${MAX_NESTING} levels of parentheses or signs`,
        tok.pos,
      );
    }
  };

  function expr(): Expr {
    let left = term();
    for (;;) {
      const tok = peek();
      if (tok.t === 'op' && (tok.op === '+' || tok.op === '-')) {
        next();
        const right = term();
        left = { kind: 'binary', op: tok.op, left, right, pos: tok.pos, end: right.end };
      } else return left;
    }
  }
  function startsAtom(tok: Token): boolean {
    return tok.t === 'num' || tok.t === 'word' || (tok.t === 'op' && tok.op === '(');
  }
  function term(): Expr {
    let left = unary();
    for (;;) {
      const tok = peek();
      if (tok.t === 'op' && (tok.op === '*' || tok.op === '/')) {
        next();
        const right = unary();
        left = { kind: 'binary', op: tok.op, left, right, pos: tok.pos, end: right.end };
      } else if (startsAtom(tok)) {
        const right = unary();
        left = { kind: 'binary', op: '*', left, right, pos: tok.pos, end: right.end, implicit: true };
      } else return left;
    }
  }
  function unary(): Expr {
    const tok = peek();
    if (tok.t === 'op' && (tok.op === '-' || tok.op === '+')) {
      next();
      deeper(tok);
      const arg = unary();
      depth--;
      return tok.op === '-' ? { kind: 'negate', arg, pos: tok.pos, end: arg.end } : arg;
    }
    return atom();
  }
  function atom(): Expr {
    const tok = next();
    if (tok.t === 'num') return { kind: 'number', value: tok.value, pos: tok.pos, end: tok.end };
    if (tok.t === 'word') return { kind: 'word', word: tok.word, pos: tok.pos, end: tok.end };
    if (tok.t === 'op' && tok.op === '(') {
      deeper(tok);
      const inner = expr();
      depth--;
      const close = next();
      if (!(close.t === 'op' && close.op === ')')) {
        throw new ExpressionError(
          `Expected ")" to close the "(" at column ${column(tok.pos)}, found ${describeToken(close)} at column ${column(close.pos)}`,
          close.pos,
          close.end - close.pos,
        );
      }
      return { ...inner, pos: tok.pos, end: close.end };
    }
    throw new ExpressionError(
      `Expected a word, a number or "(" at column ${column(tok.pos)}, found ${describeToken(tok)}`,
      tok.pos,
      tok.end - tok.pos,
    );
  }

  const root = expr();
  const rest = peek();
  if (rest.t !== 'eof') {
    const msg =
      rest.t === 'op' && rest.op === ')'
        ? `Unmatched ")" at column ${column(rest.pos)}`
        : `Unexpected ${describeToken(rest)} at column ${column(rest.pos)}`;
    throw new ExpressionError(msg, rest.pos, rest.end - rest.pos);
  }
  return root;
}

/** The words an expression mentions, in order of first appearance. */
export function wordsOf(e: Expr): string[] {
  const seen: string[] = [];
  const walk = (n: Expr): void => {
    if (n.kind === 'word') {
      if (!seen.includes(n.word)) seen.push(n.word);
    } else if (n.kind === 'negate') walk(n.arg);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(e);
  return seen;
}

function wordPositions(e: Expr, out: { word: string; position: number; end: number }[] = []) {
  if (e.kind === 'word') out.push({ word: e.word, position: e.pos, end: e.end });
  else if (e.kind === 'negate') wordPositions(e.arg, out);
  else if (e.kind === 'binary') {
    wordPositions(e.left, out);
    wordPositions(e.right, out);
  }
  return out;
}

type Value = number | Float32Array;

export interface EvaluatedExpression {
  vector: Float32Array;
  /** Each word's total weight in the linear combination (king - man + woman -> king 1, man -1, woman 1). */
  weights: Map<string, number>;
}

/**
 * Evaluate to a vector. `lookup` returns a word's vector (e.g. unit-normalised, as gensim does) or null if unknown;
 * every unknown word is reported at once, with positions.
 */
export function evaluateExpression(e: Expr, lookup: (w: string) => Float32Array | null, dim: number): EvaluatedExpression {
  const unknown = wordPositions(e).filter((p) => lookup(p.word) === null);
  if (unknown.length > 0) {
    const list = unknown.map((u) => `"${u.word}" (column ${column(u.position)})`).join(', ');
    const first = unknown[0];
    throw new ExpressionError(
      `Unknown word${unknown.length > 1 ? 's' : ''}: ${list}, not in these vectors' vocabulary`,
      first.position,
      first.end - first.position,
      unknown.map((u) => ({ word: u.word, position: u.position })),
    );
  }
  const ev = (n: Expr): Value => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'word':
        return Float32Array.from(lookup(n.word)!);
      case 'negate': {
        const v = ev(n.arg);
        return typeof v === 'number' ? -v : v.map((x) => -x);
      }
      case 'binary':
        return binary(n, ev(n.left), ev(n.right));
    }
  };
  const binary = (n: Extract<Expr, { kind: 'binary' }>, a: Value, b: Value): Value => {
    const at = `at column ${column(n.pos)}`;
    if (n.op === '+' || n.op === '-') {
      const sign = n.op === '+' ? 1 : -1;
      if (typeof a === 'number' && typeof b === 'number') return a + sign * b;
      if (typeof a === 'number' || typeof b === 'number') {
        throw new ExpressionError(`Cannot ${n.op === '+' ? 'add' : 'subtract'} a number and a word vector ${at}: multiply the number by a word instead (e.g. 0.5*good)`, n.pos);
      }
      const out = new Float32Array(dim);
      for (let i = 0; i < dim; i++) out[i] = a[i] + sign * b[i];
      return out;
    }
    if (n.op === '*') {
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      if (typeof a === 'number') return (b as Float32Array).map((x) => a * x);
      if (typeof b === 'number') return a.map((x) => x * b);
      throw new ExpressionError(
        n.implicit
          ? `Missing + or - ${at}: two words side by side cannot be combined`
          : `Cannot multiply two word vectors ${at}: only a number can scale a word`,
        n.pos,
        n.end - n.pos,
      );
    }
    if (typeof b !== 'number') throw new ExpressionError(`Cannot divide by a word vector ${at}: divide by a number`, n.pos);
    if (b === 0) throw new ExpressionError(`Division by zero ${at}`, n.pos);
    return typeof a === 'number' ? a / b : a.map((x) => x / b);
  };
  const out = ev(e);
  if (typeof out === 'number') throw new ExpressionError('The expression is a number, not a vector: include at least one word', 0);
  let norm2 = 0;
  for (const x of out) norm2 += x * x;
  if (Math.sqrt(norm2) < ZERO_VECTOR_NORM) {
    throw new ExpressionError(
      'The result is the zero vector (the words cancel out): it has no direction, so no word is nearest to it by cosine',
      e.pos,
      e.end - e.pos,
    );
  }
  return { vector: out, weights: linearWeights(e) };
}

/** Weights of each word in the (linear) expression, found by evaluating with one-hot "vectors". */
function linearWeights(e: Expr): Map<string, number> {
  const words = wordsOf(e);
  const oneHot = new Map(words.map((w, i) => {
    const v = new Float32Array(words.length);
    v[i] = 1;
    return [w, v] as const;
  }));
  const weights = new Map<string, number>();
  if (words.length === 0) return weights;
  const ev = (n: Expr): Value => {
    if (n.kind === 'number') return n.value;
    if (n.kind === 'word') return oneHot.get(n.word)!;
    if (n.kind === 'negate') {
      const v = ev(n.arg);
      return typeof v === 'number' ? -v : v.map((x) => -x);
    }
    const a = ev(n.left);
    const b = ev(n.right);
    if (n.op === '+' || n.op === '-') {
      const s = n.op === '+' ? 1 : -1;
      if (typeof a === 'number' && typeof b === 'number') return a + s * b;
      return (a as Float32Array).map((x, i) => x + s * (b as Float32Array)[i]);
    }
    if (n.op === '*') {
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      return typeof a === 'number' ? (b as Float32Array).map((x) => a * x) : a.map((x) => x * (b as number));
    }
    return typeof a === 'number' ? a / (b as number) : a.map((x) => x / (b as number));
  };
  const v = ev(e) as Float32Array;
  words.forEach((w, i) => weights.set(w, v[i]));
  return weights;
}

/** The expression in vector notation: "v(king) − v(man) + v(woman)" from its weights. */
export function vectorNotation(weights: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (const [w, c] of weights) {
    if (c === 0) continue;
    const mag = Math.abs(c);
    const coef = Math.abs(mag - 1) < 1e-9 ? '' : `${+mag.toFixed(3)}·`;
    const sign = c < 0 ? '−' : '+';
    parts.push(`${parts.length === 0 ? (c < 0 ? '−' : '') : ` ${sign} `}${coef}v(${w})`);
  }
  return parts.join('') || '0';
}
