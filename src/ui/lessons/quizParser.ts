// The self-check format inside a ```quiz fence. Two kinds, chosen by what the block contains:
//
//   question: Which window gives more (centre, context) pairs?
//   - [ ] A window of 1
//     > Fewer neighbours on each side means fewer pairs.
//   - [x] A window of 5
//     > Up to five words on each side are paired with the centre.
//
//   question: How many dot products does one full-softmax update need for 10,000 words?
//   answer: 10000
//   tolerance: 0          (optional, absolute; default 0)
//   unit: dot products    (optional)
//   right: Shown when the answer is correct.
//   wrong: Shown when it is not.
//
// Optional on both: `id: my-quiz` (default <lesson>-q<n>), `right:` and `wrong:` as general explanations, and
// `predict: yes`: a prediction asked before a widget runs. The next widget of the step stays hidden until the student
// has answered, so they commit to a guess before the vectors show the answer.

export interface QuizChoice {
  text: string;
  correct: boolean;
  explanation: string;
}

interface QuizBase {
  id: string;
  question: string;
  right: string;
  wrong: string;
  /** Hide the step's next widget until this has been answered (predict, then run). */
  predict: boolean;
}

export type QuizSpec =
  | (QuizBase & { kind: 'choice'; choices: QuizChoice[] })
  | (QuizBase & { kind: 'numeric'; answer: number; tolerance: number; unit: string });

export type QuizParse = { quiz: QuizSpec } | { error: string; line: number };

const CHOICE = /^\s*-\s*\[( |x|X)\]\s*(.*)$/;
const EXPLANATION = /^\s+>\s?(.*)$/;
const FIELD = /^([a-z]+)\s*:\s*(.*)$/;
const KNOWN_FIELDS = new Set(['id', 'question', 'answer', 'tolerance', 'unit', 'right', 'wrong', 'predict']);

/** Reads a number written for people: "10,000", "1e4", "0.5", "-3". */
export function readNumber(s: string): number {
  const t = s.trim().replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/\s+/g, '');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

/** `body` is the lines between the fences; `firstLine` the 1-based file line of body[0]. */
export function parseQuiz(body: string[], defaultId: string, firstLine: number): QuizParse {
  const fields: Record<string, string> = {};
  const choices: QuizChoice[] = [];
  let lastField: string | null = null;
  for (let k = 0; k < body.length; k++) {
    const raw = body[k];
    const lineNo = firstLine + k;
    if (raw.trim() === '') continue;
    const c = CHOICE.exec(raw);
    if (c) {
      choices.push({ text: c[2].trim(), correct: c[1].toLowerCase() === 'x', explanation: '' });
      lastField = null;
      continue;
    }
    const e = EXPLANATION.exec(raw);
    if (e && choices.length > 0 && lastField === null) {
      const ch = choices[choices.length - 1];
      ch.explanation = ch.explanation ? `${ch.explanation} ${e[1].trim()}` : e[1].trim();
      continue;
    }
    const f = FIELD.exec(raw);
    if (f && KNOWN_FIELDS.has(f[1])) {
      fields[f[1]] = f[2].trim();
      lastField = f[1];
      continue;
    }
    if (/^\s+\S/.test(raw) && lastField) {
      fields[lastField] += ` ${raw.trim()}`; // continuation of a long question or explanation
      continue;
    }
    return { error: `quiz line not understood: "${raw.trim()}" (expected question:, answer:, - [ ] choice or   > explanation)`, line: lineNo };
  }
  if (fields.predict !== undefined && !['yes', 'no'].includes(fields.predict)) {
    return { error: `predict: takes yes or no, not "${fields.predict}"`, line: firstLine };
  }
  const base = { id: fields.id || defaultId, question: fields.question ?? '', right: fields.right ?? '', wrong: fields.wrong ?? '', predict: fields.predict === 'yes' };
  if (!base.question) return { error: 'the quiz has no "question:" line', line: firstLine };
  if (choices.length > 0) {
    if (fields.answer !== undefined) return { error: 'a quiz has either choices or an answer:, not both', line: firstLine };
    const correct = choices.filter((c) => c.correct).length;
    if (choices.length < 2) return { error: 'a multiple-choice quiz needs at least two choices', line: firstLine };
    if (correct !== 1) return { error: `mark exactly one choice as right with [x] (found ${correct})`, line: firstLine };
    return { quiz: { ...base, kind: 'choice', choices } };
  }
  if (fields.answer === undefined) return { error: 'the quiz has neither choices (- [ ] ...) nor an "answer:" line', line: firstLine };
  const answer = readNumber(fields.answer);
  if (!Number.isFinite(answer)) return { error: `the answer "${fields.answer}" is not a number`, line: firstLine };
  const tolerance = fields.tolerance === undefined ? 0 : readNumber(fields.tolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0) return { error: `the tolerance "${fields.tolerance}" is not a number >= 0`, line: firstLine };
  return { quiz: { ...base, kind: 'numeric', answer, tolerance, unit: fields.unit ?? '' } };
}

/** Checks a typed numeric answer; returns null for input that is not a number (the UI says so). */
export function checkNumeric(quiz: Extract<QuizSpec, { kind: 'numeric' }>, input: string): boolean | null {
  const v = readNumber(input);
  if (!Number.isFinite(v)) return null;
  return Math.abs(v - quiz.answer) <= quiz.tolerance + 1e-9 * Math.max(1, Math.abs(quiz.answer));
}
