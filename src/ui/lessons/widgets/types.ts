// What every lesson widget receives: the directive's attributes (strings, as written in the lesson file) and the
// lesson it sits in (for seeds and ids that must differ between lessons).
export interface WidgetProps {
  attrs: Record<string, string>;
  lessonId: string;
  /** Report the widget's inputs (as directive attributes) so the step's link reopens it the same way. */
  onState?: (state: Record<string, string>) => void;
}

/** Reads an attribute as a number, falling back when it is missing or not a number. */
export function numAttr(attrs: Record<string, string>, key: string, fallback: number): number {
  const v = attrs[key];
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}

/** Reads a comma-separated list attribute ("cat,dog, horse" -> ["cat", "dog", "horse"]). */
export function listAttr(attrs: Record<string, string>, key: string, fallback: string[]): string[] {
  const v = attrs[key];
  if (!v) return fallback;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
