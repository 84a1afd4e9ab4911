// Turns one lesson file (Markdown + a small front matter + widget directives + ```quiz blocks) into data.
// Pure: no DOM, no React, so the unit tests run it in Node. Nothing here throws on a broken file: every problem
// becomes an error block (or a lesson-level issue) that names the file and line, and the rest of the lesson renders.
import { parseQuiz, type QuizSpec } from './quizParser';

export interface LessonIssue {
  line: number;
  message: string;
}

export type LessonBlock =
  | { kind: 'markdown'; text: string; line: number }
  | { kind: 'widget'; name: string; props: Record<string, string>; line: number }
  | { kind: 'quiz'; quiz: QuizSpec; line: number }
  /** Speaker notes (:::notes ... :::): shown only in presenter view. */
  | { kind: 'notes'; text: string; line: number }
  | { kind: 'error'; message: string; line: number };

export interface LessonStep {
  title: string;
  blocks: LessonBlock[];
}

export interface Lesson {
  id: string;
  title: string;
  /** The syllabus section this lesson teaches (free text from the front matter). */
  section: string;
  objectives: string[];
  /** Path shown in error messages, e.g. "lessons/01-word-embeddings.md". */
  file: string;
  steps: LessonStep[];
  /** Problems with the file as a whole (front matter): shown above the first step. */
  issues: LessonIssue[];
}

export interface ParseOptions {
  /** Widget names the app knows; a directive naming another widget becomes an error block. */
  knownWidgets?: ReadonlySet<string>;
  /** Checks a known widget's attributes; each message it returns becomes an error block at the directive's line. */
  validateAttrs?: (name: string, attrs: Record<string, string>) => string[];
}

const FENCE = /^(```|~~~)\s*([\w-]*)\s*$/;
const DIRECTIVE_START = /^::[^:]/;
const DIRECTIVE = /^::([a-zA-Z][\w-]*)\{(.*)\}\s*$/;
const ATTR = /\s*([a-zA-Z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))\s*/y;
const NOTES_START = /^:::\s*notes\s*$/;
const NOTES_END = /^:::\s*$/;
const STEP_BREAK = /^(---|\*\*\*|___)\s*$/;
const STEP_HEADING = /^##\s+(.+?)\s*#*\s*$/;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** "lessons/03-visualisation.md" -> "visualisation": the fallback id when the front matter lacks one. */
export function idFromFileName(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/\.md$/i, '').replace(/^\d+-/, '').toLowerCase();
}

/** Parses `key="v" key2='w' key3=bare`; returns an error message instead of throwing. */
export function parseAttributes(src: string): { props: Record<string, string> } | { error: string } {
  const props: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    ATTR.lastIndex = pos;
    const m = ATTR.exec(src);
    if (!m) return { error: `cannot read the attributes from "${src.slice(pos)}" (write them as name="value")` };
    props[m[1]] = m[2] ?? m[3] ?? m[4] ?? '';
    pos = ATTR.lastIndex;
  }
  return { props };
}

interface FrontMatter {
  fields: Record<string, string | string[]>;
  bodyStart: number; // 0-based index of the first body line
  issues: LessonIssue[];
}

function parseFrontMatter(lines: string[]): FrontMatter {
  const issues: LessonIssue[] = [];
  if (lines[0]?.trim() !== '---') {
    return { fields: {}, bodyStart: 0, issues: [{ line: 1, message: 'the file does not start with a front matter block (---, id:, title:, section:, ---)' }] };
  }
  const fields: Record<string, string | string[]> = {};
  let lastKey: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '---') return { fields, bodyStart: i + 1, issues };
    if (raw.trim() === '') continue;
    const item = /^\s+-\s+(.*)$/.exec(raw) ?? /^-\s+(.*)$/.exec(raw);
    if (item && lastKey) {
      const cur = fields[lastKey];
      fields[lastKey] = Array.isArray(cur) ? [...cur, item[1].trim()] : [item[1].trim()];
      continue;
    }
    const kv = /^([a-zA-Z][\w-]*)\s*:\s*(.*)$/.exec(raw);
    if (!kv) {
      issues.push({ line: i + 1, message: `front matter line not understood: "${raw.trim()}" (expected key: value)` });
      continue;
    }
    lastKey = kv[1];
    fields[kv[1]] = kv[2].trim() === '' || kv[2].trim() === '[]' ? [] : kv[2].trim().replace(/^"(.*)"$/, '$1');
  }
  issues.push({ line: 1, message: 'the front matter is never closed by a line with ---' });
  return { fields: {}, bodyStart: 0, issues };
}

function str(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** Parse one lesson file. `file` is used in every message so an instructor knows where to look. */
export function parseLesson(source: string, file: string, opts: ParseOptions = {}): Lesson {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const fm = parseFrontMatter(lines);
  const issues = [...fm.issues];
  let id = str(fm.fields.id);
  if (!id) {
    id = idFromFileName(file);
    if (fm.bodyStart > 0) issues.push({ line: 1, message: `the front matter has no id: using "${id}" from the file name` });
  } else if (!ID_PATTERN.test(id)) {
    issues.push({ line: 1, message: `the id "${id}" may only hold lower-case letters, digits and dashes` });
    id = idFromFileName(file);
  }
  const title = str(fm.fields.title) || id;
  if (!str(fm.fields.title) && fm.bodyStart > 0) issues.push({ line: 1, message: 'the front matter has no title' });
  const objectives = Array.isArray(fm.fields.objectives) ? fm.fields.objectives : str(fm.fields.objectives) ? [str(fm.fields.objectives)] : [];

  const steps: LessonStep[] = [];
  let step: LessonStep = { title: '', blocks: [] };
  let md: string[] = [];
  let mdLine = fm.bodyStart + 1;
  let quizCount = 0;

  const flushMarkdown = (nextLine: number) => {
    const text = md.join('\n');
    if (text.trim() !== '') step.blocks.push({ kind: 'markdown', text, line: mdLine });
    md = [];
    mdLine = nextLine;
  };
  const newStep = (title: string, line: number) => {
    flushMarkdown(line);
    // A prediction hides the next widget of its step until answered: without one it would hide nothing.
    step.blocks.forEach((b, k) => {
      if (b.kind === 'quiz' && b.quiz.predict && !step.blocks.slice(k + 1).some((x) => x.kind === 'widget')) {
        step.blocks.push({ kind: 'error', line: b.line, message: `${file}, line ${b.line}: a quiz with "predict: yes" must be followed by a widget in the same step (the widget it keeps hidden until answered)` });
      }
    });
    if (step.blocks.length > 0 || step.title) steps.push(step);
    step = { title, blocks: [] };
  };

  for (let i = fm.bodyStart; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    const fence = FENCE.exec(line);
    if (fence) {
      // Find the closing fence; everything in between is verbatim (a quiz, or code that may show directives).
      let j = i + 1;
      while (j < lines.length && !lines[j].startsWith(fence[1])) j++;
      if (fence[2] === 'quiz') {
        flushMarkdown(j + 2);
        if (j >= lines.length) {
          step.blocks.push({ kind: 'error', line: lineNo, message: `${file}, line ${lineNo}: the quiz block is never closed with ${fence[1]}` });
          i = lines.length;
          continue;
        }
        quizCount++;
        const parsed = parseQuiz(lines.slice(i + 1, j), `${id}-q${quizCount}`, lineNo + 1);
        if ('error' in parsed) step.blocks.push({ kind: 'error', line: parsed.line, message: `${file}, line ${parsed.line}: ${parsed.error}` });
        else step.blocks.push({ kind: 'quiz', quiz: parsed.quiz, line: lineNo });
        i = j;
        continue;
      }
      if (md.length === 0) mdLine = lineNo;
      md.push(...lines.slice(i, Math.min(j + 1, lines.length)));
      i = j;
      continue;
    }
    if (NOTES_START.test(line.trim())) {
      flushMarkdown(lineNo + 1);
      let j = i + 1;
      while (j < lines.length && !NOTES_END.test(lines[j].trim())) j++;
      if (j >= lines.length) {
        step.blocks.push({ kind: 'error', line: lineNo, message: `${file}, line ${lineNo}: the speaker notes are never closed with a line :::` });
        i = lines.length;
        continue;
      }
      step.blocks.push({ kind: 'notes', text: lines.slice(i + 1, j).join('\n'), line: lineNo });
      mdLine = j + 2;
      i = j;
      continue;
    }
    const heading = STEP_HEADING.exec(line);
    if (heading) {
      newStep(heading[1], lineNo + 1);
      continue;
    }
    if (STEP_BREAK.test(line)) {
      newStep('', lineNo + 1);
      continue;
    }
    if (DIRECTIVE_START.test(line)) {
      flushMarkdown(lineNo + 1);
      const d = DIRECTIVE.exec(line.trim());
      if (!d) {
        step.blocks.push({ kind: 'error', line: lineNo, message: `${file}, line ${lineNo}: a widget directive must read ::name{key="value"}, found "${line.trim()}"` });
        continue;
      }
      const attrs = parseAttributes(d[2]);
      // Two spellings: ::widget{name="cosine" a="cat"} (the documented one) and the short ::cosine{a="cat"}.
      const name = d[1] === 'widget' && !('error' in attrs) ? attrs.props.name : d[1];
      if ('error' in attrs) {
        step.blocks.push({ kind: 'error', line: lineNo, message: `${file}, line ${lineNo}: widget "${d[1]}": ${attrs.error}` });
      } else if (!name) {
        step.blocks.push({ kind: 'error', line: lineNo, message: `${file}, line ${lineNo}: ::widget{...} needs a name="..." attribute saying which widget` });
      } else if (opts.knownWidgets && !opts.knownWidgets.has(name)) {
        const known = [...opts.knownWidgets].sort().join(', ');
        step.blocks.push({ kind: 'error', line: lineNo, message: `${file}, line ${lineNo}: there is no widget called "${name}" (known: ${known})` });
      } else {
        const props = { ...attrs.props };
        if (d[1] === 'widget') delete props.name;
        const problems = opts.validateAttrs?.(name, props) ?? [];
        if (problems.length > 0) {
          for (const p of problems) step.blocks.push({ kind: 'error', line: lineNo, message: `${file}, line ${lineNo}: ${p}` });
        } else {
          step.blocks.push({ kind: 'widget', name, props, line: lineNo });
        }
      }
      continue;
    }
    if (md.length === 0) mdLine = lineNo;
    md.push(line);
  }
  newStep('', lines.length + 1);
  if (step.blocks.length > 0) steps.push(step);

  // Untitled steps take their first Markdown heading, else the lesson title with a part number.
  steps.forEach((s, k) => {
    if (s.title) return;
    const firstMd = s.blocks.find((b) => b.kind === 'markdown');
    const h = firstMd && firstMd.kind === 'markdown' ? /^#{1,6}\s+(.+)$/m.exec(firstMd.text) : null;
    s.title = h ? h[1].trim() : k === 0 ? title : `${title}, part ${k + 1}`;
  });
  if (steps.length === 0) {
    steps.push({ title, blocks: [{ kind: 'error', line: 1, message: `${file}: the lesson has no content after its front matter` }] });
  }
  return { id, title, section: str(fm.fields.section), objectives, file, steps, issues };
}

/** Parse every file and check that ids are unique (a duplicate gets a lesson-level issue and a suffixed id). */
export function parseLessons(files: Record<string, string>, opts: ParseOptions = {}): Lesson[] {
  const seen = new Map<string, string>();
  return Object.keys(files)
    .sort()
    .map((path) => {
      const file = path.replace(/^\//, '');
      const lesson = parseLesson(files[path], file, opts);
      const prev = seen.get(lesson.id);
      if (prev) {
        lesson.issues.push({ line: 1, message: `the id "${lesson.id}" is already used by ${prev}` });
        lesson.id = `${lesson.id}-${seen.size + 1}`;
      }
      seen.set(lesson.id, file);
      return lesson;
    });
}

/** Every problem in a parsed lesson (file-level issues and error blocks), each naming file and line. */
export function lessonProblems(lesson: Lesson): string[] {
  return [
    ...lesson.issues.map((i) => `${lesson.file}, line ${i.line}: ${i.message}`),
    ...lesson.steps.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'error' ? [b.message] : []))),
  ];
}

/** For each widget block of a step hidden behind a prediction: its index -> the predicting quiz's id. */
export function predictionGates(step: LessonStep): Map<number, string> {
  const gates = new Map<number, string>();
  step.blocks.forEach((b, k) => {
    if (b.kind !== 'quiz' || !b.quiz.predict) return;
    const j = step.blocks.findIndex((x, i) => i > k && x.kind === 'widget');
    if (j >= 0 && !gates.has(j)) gates.set(j, b.quiz.id);
  });
  return gates;
}

/** All quiz ids of a lesson, in order (progress counts them). */
export function quizIds(lesson: Lesson): string[] {
  return lesson.steps.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'quiz' ? [b.quiz.id] : [])));
}
