// Semantic axes: a direction made of word differences (he - she, good - bad, rich - poor), averaged over several
// pairs when given ("he - she, man - woman"), and the projection of words onto it. A word's score is the cosine
// between its vector and the axis, so scores from different axes share one scale (-1..1).
import { cosine, row, sub, unit, type VectorSpace } from './spaceMath';

export interface AxisPair {
  plus: string;
  minus: string;
}

export interface Axis {
  label: string;
  pairs: AxisPair[];
  /** Unit direction. */
  direction: Float32Array;
  /** Pairs dropped because a word was missing from the vocabulary. */
  skipped: AxisPair[];
}

export class AxisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AxisError';
  }
}

/** Parse "he - she, man - woman" (comma, semicolon or new line between pairs). */
export function parseAxis(spec: string): AxisPair[] {
  const parts = spec.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new AxisError('The axis is empty: write two words joined by "-", e.g. he - she');
  return parts.map((p) => {
    const m = /^(\S+)\s*-\s*(\S+)$/.exec(p) ?? /^(\S+)\s+(\S+)$/.exec(p);
    if (!m) throw new AxisError(`Cannot read the pair "${p}": write two words joined by "-", e.g. good - bad`);
    return { plus: m[1].toLowerCase(), minus: m[2].toLowerCase() };
  });
}

/**
 * The axis direction: the mean of unit(plus) - unit(minus) over the pairs whose words are known, normalised.
 * Unit vectors first so that a frequent word's longer vector does not dominate the difference.
 */
export function buildAxis(space: VectorSpace, spec: string): Axis {
  const pairs = parseAxis(spec);
  const used: AxisPair[] = [];
  const skipped: AxisPair[] = [];
  const sum = new Float32Array(space.dim);
  for (const p of pairs) {
    const i = space.indexOf(p.plus);
    const j = space.indexOf(p.minus);
    if (i < 0 || j < 0) {
      skipped.push(p);
      continue;
    }
    const diff = sub(unit(row(space, i)), unit(row(space, j)));
    for (let k = 0; k < sum.length; k++) sum[k] += diff[k];
    used.push(p);
  }
  if (used.length === 0) {
    const missing = [...new Set(pairs.flatMap((p) => [p.plus, p.minus]).filter((w) => space.indexOf(w) < 0))];
    throw new AxisError(`Unknown word${missing.length > 1 ? 's' : ''} in the axis: ${missing.map((w) => `"${w}"`).join(', ')}`);
  }
  const direction = unit(sum);
  if (direction.every((x) => x === 0)) throw new AxisError(`The axis "${spec}" has no direction: its two ends are the same vector`);
  return { label: used.map((p) => `${p.plus} − ${p.minus}`).join(', '), pairs: used, direction, skipped };
}

export interface Projection {
  word: string;
  /** Cosine with each axis, in the order given. */
  scores: number[];
}

/** Project words on one or more axes; unknown words are returned separately, not silently dropped. */
export function projectWords(space: VectorSpace, words: readonly string[], axes: readonly Axis[]): { points: Projection[]; unknown: string[] } {
  const points: Projection[] = [];
  const unknown: string[] = [];
  for (const w of words) {
    const i = space.indexOf(w);
    if (i < 0) {
      unknown.push(w);
      continue;
    }
    const v = row(space, i);
    points.push({ word: w, scores: axes.map((a) => cosine(v, a.direction)) });
  }
  return { points, unknown };
}

/** Split a free list of words ("doctor, nurse engineer") into lower-case words. */
export function parseWordList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((w) => w.trim().toLowerCase()).filter(Boolean))];
}

export const AXIS_PRESETS: { label: string; spec: string }[] = [
  { label: 'gender (he − she)', spec: 'he - she' },
  { label: 'gender (several pairs)', spec: 'he - she, man - woman, his - her, king - queen, boy - girl' },
  { label: 'good − bad', spec: 'good - bad' },
  { label: 'rich − poor', spec: 'rich - poor' },
  { label: 'big − small', spec: 'big - small, large - small' },
  { label: 'old − young', spec: 'old - young' },
  { label: 'war − peace', spec: 'war - peace' },
];

export const WORD_SET_PRESETS: { label: string; words: string[] }[] = [
  {
    label: 'occupations',
    words: ['doctor', 'nurse', 'engineer', 'teacher', 'secretary', 'lawyer', 'scientist', 'farmer', 'soldier',
      'artist', 'writer', 'manager', 'clerk', 'professor', 'president', 'judge', 'dancer', 'singer', 'minister', 'worker'],
  },
  {
    label: 'adjectives',
    words: ['beautiful', 'strong', 'weak', 'brave', 'gentle', 'intelligent', 'kind', 'angry', 'happy', 'sad',
      'rich', 'poor', 'honest', 'proud', 'quiet', 'wild', 'lovely', 'powerful', 'pretty', 'tough'],
  },
  {
    label: 'sports',
    words: ['football', 'baseball', 'tennis', 'golf', 'boxing', 'swimming', 'hockey', 'basketball', 'skating', 'dancing', 'racing', 'hunting'],
  },
  {
    label: 'family',
    words: ['mother', 'father', 'sister', 'brother', 'daughter', 'son', 'wife', 'husband', 'aunt', 'uncle', 'girl', 'boy'],
  },
  {
    label: 'places',
    words: ['city', 'village', 'country', 'palace', 'church', 'school', 'hospital', 'factory', 'farm', 'office', 'kitchen', 'market'],
  },
  {
    label: 'money words',
    words: ['money', 'dollars', 'wealth', 'debt', 'price', 'salary', 'tax', 'bank', 'profit', 'cost', 'poverty', 'luxury'],
  },
];
