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

/** Every problem in the lessons folder, each as "lessons/<file>, line <n>: <what>". */
export function lessonsFolderProblems(dir = 'lessons'): string[] {
  const names = readdirSync(dir);
  const files = Object.fromEntries(names.filter((f) => f.endsWith('.md')).map((f) => [`/${dir}/${f}`, readFileSync(join(dir, f), 'utf8')]));
  const lessons = parseLessons(files, { knownWidgets: new Set(WIDGET_NAMES), validateAttrs: validateWidgetAttrs });
  const problems = lessons.flatMap(lessonProblems);
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
