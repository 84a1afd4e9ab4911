// A lecture path: an ordered list of lesson steps with minutes, kept as a small text file in lessons/ so an
// instructor can reorder or retime a lecture without touching src/. One step per line:
//
//   # A 50-minute lecture: from autoencoders to embeddings      <- the first comment line is the title
//   properties/why-raw-cosines-run-high   4                      <- lesson id / step slug, then minutes
//
// The step slug is the step's title in lower case with every run of other characters turned into one dash, so a
// path survives steps being added or moved. Pure: the unit tests parse the real file against the real lessons.
import type { Lesson } from './lessonParser';

export interface LectureItem {
  lessonId: string;
  /** 0-based step index in its lesson. */
  step: number;
  slug: string;
  minutes: number;
  /** Minutes elapsed before this item starts. */
  startsAt: number;
  line: number;
}

export interface LecturePath {
  title: string;
  items: LectureItem[];
  totalMinutes: number;
  /** Problems, each naming the file and line. */
  problems: string[];
}

/** "Analogies: 3CosAdd and 3CosMul" -> "analogies-3cosadd-and-3cosmul". */
export function stepSlug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Longest a single item may last: a lecture step longer than this is a typo (e.g. 45 for 4.5). */
const MAX_ITEM_MINUTES = 30;
const LINE = /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)\s+(\d+(?:\.\d+)?)\s*$/;

export function parseLecturePath(text: string, file: string, lessons: readonly Lesson[]): LecturePath {
  const problems: string[] = [];
  const items: LectureItem[] = [];
  let title = '';
  let elapsed = 0;
  const seen = new Set<string>();
  text.replace(/\r\n?/g, '\n').split('\n').forEach((raw, k) => {
    const line = k + 1;
    const t = raw.trim();
    if (t === '') return;
    if (t.startsWith('#')) {
      if (!title) title = t.replace(/^#+\s*/, '');
      return;
    }
    const where = `${file}, line ${line}`;
    const m = LINE.exec(t);
    if (!m) {
      problems.push(`${where}: expected "lesson-id/step-slug minutes", found "${t}"`);
      return;
    }
    const [, lessonId, slug, min] = m as unknown as [string, string, string, string];
    const lesson = lessons.find((l) => l.id === lessonId);
    if (!lesson) {
      problems.push(`${where}: there is no lesson "${lessonId}" (lessons: ${lessons.map((l) => l.id).join(', ')})`);
      return;
    }
    const step = lesson.steps.findIndex((s) => stepSlug(s.title) === slug);
    if (step < 0) {
      problems.push(`${where}: lesson "${lessonId}" has no step "${slug}" (its steps: ${lesson.steps.map((s) => stepSlug(s.title)).join(', ')})`);
      return;
    }
    const minutes = Number(min);
    if (!(minutes > 0 && minutes <= MAX_ITEM_MINUTES)) {
      problems.push(`${where}: minutes must be more than 0 and at most ${MAX_ITEM_MINUTES}, found ${min}`);
      return;
    }
    const key = `${lessonId}/${slug}`;
    if (seen.has(key)) problems.push(`${where}: "${key}" is already in the lecture`);
    seen.add(key);
    items.push({ lessonId, step, slug, minutes, startsAt: elapsed, line });
    elapsed += minutes;
  });
  if (items.length === 0 && problems.length === 0) problems.push(`${file}: the lecture lists no steps`);
  return { title: title || 'Lecture', items, totalMinutes: elapsed, problems };
}
