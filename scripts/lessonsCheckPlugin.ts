// A Vite plugin that parses every lesson file (and the lecture path) when the app is built and stops the build on
// any problem: a misspelt widget attribute, a bad value, a widget without vectors="...", an unclosed quiz or notes
// block, a prediction with no widget after it, a lecture step that does not exist. Each message names the file and
// the line. The same checks run in tests/unit/lessonWidgetSchemas.test.ts and tests/unit/lessonLecture.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { lessonProblems, parseLessons } from '../src/ui/lessons/lessonParser';
import { parseLecturePath } from '../src/ui/lessons/lecturePath';
import { WIDGET_NAMES } from '../src/ui/lessons/widgets/widgetNames';
import { validateWidgetAttrs } from '../src/ui/lessons/widgets/widgetSchemas';

// Tab, line feed and carriage return are ordinary text; any other control character in a lesson is almost always
// a LaTeX command eaten by a string escape (\frac written through a string becomes form feed + "rac"), which KaTeX
// then shows as garbage.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const TAB_BEFORE_LETTERS = /\t(op|ext|imes|heta|au|ilde)\b/;
/** \right, \nabla, \rightarrow whose backslash letter became a line break. */
const BREAK_BEFORE_LETTERS = /^(ight[)\]|.]|ightarrow\b|abla\b)/;

/** Lines holding a control character, or a tab or line break where a LaTeX command (\top, \right, ...) lost its backslash. */
export function controlCharacterProblems(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const bad = CONTROL.exec(line) ?? TAB_BEFORE_LETTERS.exec(line) ?? (BREAK_BEFORE_LETTERS.test(line) ? ['\n'] : null);
    if (!bad) return [];
    const code = bad[0].charCodeAt(0).toString(16).padStart(4, '0');
    return [`${file}, line ${i + 1}: control character U+${code} (a LaTeX command that lost its backslash?)`];
  });
}

/** Every problem in the lessons folder, each as "lessons/<file>, line <n>: <what>". */
export function lessonsFolderProblems(dir = 'lessons'): string[] {
  const names = readdirSync(dir);
  const files = Object.fromEntries(names.filter((f) => f.endsWith('.md')).map((f) => [`/${dir}/${f}`, readFileSync(join(dir, f), 'utf8')]));
  const lessons = parseLessons(files, { knownWidgets: new Set(WIDGET_NAMES), validateAttrs: validateWidgetAttrs });
  const problems = Object.entries(files).flatMap(([path, text]) => controlCharacterProblems(path.slice(1), text));
  problems.push(...lessons.flatMap(lessonProblems));
  for (const f of names.filter((n) => /^lecture-.*\.txt$/.test(n))) {
    problems.push(...parseLecturePath(readFileSync(join(dir, f), 'utf8'), `${dir}/${f}`, lessons).problems);
  }
  return problems;
}

export function lessonsCheckPlugin(dir = 'lessons'): Plugin {
  return {
    name: 'embedding-lab-lessons-check',
    apply: 'build',
    buildStart() {
      const problems = lessonsFolderProblems(dir);
      if (problems.length > 0) this.error(`The lesson files have ${problems.length} problem(s):\n${problems.join('\n')}`);
    },
  };
}
