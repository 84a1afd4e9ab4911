// Lesson progress, kept in this browser only (localStorage): the step each lesson was left at, the steps seen, and
// the self-checks answered. Nothing else is stored and nothing leaves the machine.
import { create } from 'zustand';

export type QuizResult = 'correct' | 'tried';

export interface LessonProgress {
  /** 0-based step the student was last on (reopening the lesson returns there). */
  step: number;
  visited: number[];
  quizzes: Record<string, QuizResult>;
}

interface LessonsState {
  progress: Record<string, LessonProgress>;
  /** Set when stored progress could not be read (shown once, then replaced by fresh progress). */
  storageProblem: string | null;
  visit: (lessonId: string, step: number) => void;
  recordQuiz: (lessonId: string, quizId: string, correct: boolean) => void;
  resetLesson: (lessonId: string) => void;
}

export const PROGRESS_KEY = 'embedding-lab:lessons:v1';

const EMPTY: LessonProgress = { step: 0, visited: [], quizzes: {} };

function isProgress(v: unknown): v is LessonProgress {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return (
    typeof p.step === 'number' &&
    Array.isArray(p.visited) &&
    p.visited.every((x) => typeof x === 'number') &&
    !!p.quizzes &&
    typeof p.quizzes === 'object' &&
    Object.values(p.quizzes as object).every((r) => r === 'correct' || r === 'tried')
  );
}

/** Reads stored progress; a damaged entry is dropped (and reported) instead of breaking the page. */
export function readProgress(raw: string | null): { progress: Record<string, LessonProgress>; problem: string | null } {
  if (!raw) return { progress: {}, problem: null };
  try {
    const data = JSON.parse(raw) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object');
    const progress: Record<string, LessonProgress> = {};
    let dropped = 0;
    for (const [id, p] of Object.entries(data)) {
      if (isProgress(p)) progress[id] = p;
      else dropped++;
    }
    return { progress, problem: dropped > 0 ? `Saved progress for ${dropped} lesson(s) was damaged and has been reset.` : null };
  } catch {
    return { progress: {}, problem: 'Saved lesson progress could not be read and has been reset.' };
  }
}

function load(): { progress: Record<string, LessonProgress>; problem: string | null } {
  try {
    return readProgress(globalThis.localStorage?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return { progress: {}, problem: 'This browser does not allow local storage: progress will last until the tab closes.' };
  }
}

function save(progress: Record<string, LessonProgress>): void {
  try {
    globalThis.localStorage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    /* storage full or blocked: progress stays in memory for this tab (the page already said so on load) */
  }
}

const initial = load();

export const useLessonsStore = create<LessonsState>((set, get) => {
  const update = (lessonId: string, f: (p: LessonProgress) => LessonProgress) => {
    const progress = { ...get().progress, [lessonId]: f(get().progress[lessonId] ?? EMPTY) };
    save(progress);
    set({ progress });
  };
  return {
    progress: initial.progress,
    storageProblem: initial.problem,
    visit: (lessonId, step) =>
      update(lessonId, (p) => ({
        ...p,
        step,
        visited: p.visited.includes(step) ? p.visited : [...p.visited, step].sort((a, b) => a - b),
      })),
    recordQuiz: (lessonId, quizId, correct) =>
      update(lessonId, (p) => ({
        ...p,
        // A self-check once answered correctly stays marked correct; a later slip is feedback, not lost progress.
        quizzes: { ...p.quizzes, [quizId]: p.quizzes[quizId] === 'correct' || correct ? 'correct' : 'tried' },
      })),
    resetLesson: (lessonId) =>
      update(lessonId, () => EMPTY),
  };
});

/** Counts for a lesson's progress line. */
export function summarize(p: LessonProgress | undefined, stepCount: number, quizIds: readonly string[]) {
  const correct = quizIds.filter((q) => p?.quizzes[q] === 'correct').length;
  const seen = p ? p.visited.filter((s) => s < stepCount).length : 0;
  return { seen, stepCount, correct, quizCount: quizIds.length, complete: quizIds.length > 0 && correct === quizIds.length };
}
