// The lesson files, bundled at build time (so lessons work offline) and parsed once.
import { parseLessons, type Lesson } from './lessonParser';
import { WIDGET_NAMES } from './widgets/widgetNames';
import { parseLecturePath, type LecturePath } from './lecturePath';
import { validateWidgetAttrs } from './widgets/widgetSchemas';

const files = import.meta.glob('/lessons/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const LESSONS: Lesson[] = parseLessons(files, { knownWidgets: new Set(WIDGET_NAMES), validateAttrs: validateWidgetAttrs });

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The lecture path file (lessons/lecture-50min.txt), bundled like the lessons. */
const lectureFiles = import.meta.glob('/lessons/lecture-*.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const [lecturePathName, lectureText] = Object.entries(lectureFiles).sort(([a], [b]) => a.localeCompare(b))[0] ?? ['lessons/lecture-50min.txt', ''];
export const LECTURE: LecturePath = parseLecturePath(lectureText, lecturePathName.replace(/^\//, ''), LESSONS);
