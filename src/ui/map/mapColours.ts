// Colouring the map by a legend the user picks: part of speech (Brown's tags, public/corpora/brown-pos.json),
// semantic categories (the project's fact lists, public/corpora/map-categories.json), or word lists the user types.
// Pure functions over plain data; the map component loads the files and draws.

export type ColourBy = 'none' | 'pos' | 'categories' | 'custom';

export const COLOUR_BY_TITLES: Record<ColourBy, string> = {
  none: 'One colour',
  pos: 'Part of speech (Brown tags)',
  categories: 'Categories (fact lists)',
  custom: 'My word lists',
};

/** Word -> class, with the classes in legend order. */
export interface WordClasses {
  classes: string[];
  classOf: Map<string, number>;
}

/** Okabe and Ito's colour-blind-safe set first, then darker tones that stay apart from it on white and on black. */
export const PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#d55e00', '#cc79a7', '#0072b2', '#b8860b', '#7b3fa0', '#2e8b57', '#c0392b', '#5d6d7e', '#8c564b'];
/** Points in no class: present but quiet. */
export const UNCLASSED = 'rgba(140, 140, 140, 0.45)';
/** Points outside the class the legend isolates. */
export const FADED = 'rgba(140, 140, 140, 0.18)';

export const colourOf = (classIndex: number) => PALETTE[classIndex % PALETTE.length]!;

export function posClasses(json: unknown): WordClasses {
  const f = json as { classes?: unknown; words?: unknown };
  if (!Array.isArray(f?.classes) || typeof f.words !== 'object' || f.words === null) throw new Error('brown-pos.json: expected { classes: [...], words: {...} }');
  const classes = f.classes.map(String);
  const classOf = new Map<string, number>();
  for (const [w, i] of Object.entries(f.words as Record<string, unknown>)) if (typeof i === 'number' && i >= 0 && i < classes.length) classOf.set(w, i);
  return { classes, classOf };
}

export function categoryClasses(json: unknown): WordClasses {
  const f = json as { categories?: unknown };
  if (typeof f?.categories !== 'object' || f.categories === null) throw new Error('map-categories.json: expected { categories: {...} }');
  return fromLists(Object.entries(f.categories as Record<string, unknown>).map(([name, ws]) => [name, Array.isArray(ws) ? ws.map(String) : []]));
}

function fromLists(lists: [string, string[]][]): WordClasses {
  const classes: string[] = [];
  const classOf = new Map<string, number>();
  for (const [name, words] of lists) {
    const i = classes.length;
    classes.push(name);
    for (const w of words) if (!classOf.has(w)) classOf.set(w, i);
  }
  return { classes, classOf };
}

/** The most lists one may type: beyond the palette, colours would repeat. */
export const MAX_CUSTOM_LISTS = PALETTE.length;

/**
 * The user's word lists: one per line, `name: word word ...` (words lower-cased, as the trainer reads them).
 * Blank lines are skipped; a line without a name and a colon, or with no words, is reported by its number.
 */
export function parseWordLists(text: string): { classes: WordClasses; errors: string[] } {
  const errors: string[] = [];
  const lists: [string, string[]][] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    const words = colon > 0 ? line.slice(colon + 1).split(/[\s,]+/).map((w) => w.trim().toLowerCase()).filter(Boolean) : [];
    if (!name) errors.push(`line ${i + 1}: expected "name: word word ...", e.g. "animals: dog cat horse"`);
    else if (words.length === 0) errors.push(`line ${i + 1}: the list "${name}" has no words after the colon`);
    else if (lists.length >= MAX_CUSTOM_LISTS) errors.push(`line ${i + 1}: at most ${MAX_CUSTOM_LISTS} lists (one colour each)`);
    else lists.push([name, words]);
  });
  return { classes: fromLists(lists), errors };
}

export interface LegendEntry {
  index: number;
  name: string;
  colour: string;
  /** Words of this class on the map now. */
  count: number;
}

export interface Colouring {
  /** One colour per point, or null for the map's single colour. */
  colours: string[] | null;
  /** Class per point (-1: none). */
  classOf: Int16Array;
  legend: LegendEntry[];
  /** A short key that changes whenever the colours do (the map replots only then). */
  key: string;
}

export function colourPoints(words: readonly string[], classes: WordClasses | null, isolate: number | null): Colouring {
  const classOf = new Int16Array(words.length).fill(-1);
  if (!classes) return { colours: null, classOf, legend: [], key: 'none' };
  const counts = new Array<number>(classes.classes.length).fill(0);
  const colours = words.map((w, i) => {
    const c = classes.classOf.get(w);
    if (c === undefined) return isolate === null ? UNCLASSED : FADED;
    classOf[i] = c;
    counts[c]!++;
    if (isolate !== null && c !== isolate) return FADED;
    return colourOf(c);
  });
  const legend = classes.classes.map((name, index) => ({ index, name, colour: colourOf(index), count: counts[index]! }));
  return { colours, classOf, legend, key: `${classes.classes.join('|')}#${isolate ?? ''}#${Array.from(classOf).join(',')}` };
}
