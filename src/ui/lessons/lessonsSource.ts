// The lesson files, bundled at build time (so lessons work offline) and parsed once.
import { parseLessons, type Lesson } from './lessonParser';
import { WIDGET_NAMES } from './widgets/widgetNames';
import { validateWidgetAttrs } from './widgets/widgetSchemas';

const files = import.meta.glob('/lessons/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const LESSONS: Lesson[] = parseLessons(files, { knownWidgets: new Set(WIDGET_NAMES), validateAttrs: validateWidgetAttrs });

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
