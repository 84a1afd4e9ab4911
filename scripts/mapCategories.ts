// Semantic categories for the map's "colour by category": word lists built from the project's own facts (the
// analogy facts in scripts/evalFacts.ts: capitals, countries, currencies, cities, states, family words, nationality
// adjectives) plus short lists of plain facts written here (numbers, months, days, colours). Written to
// public/corpora/map-categories.json by scripts/buildCorpora.ts. A word in two lists keeps the first (listed order).
import { SEMANTIC, SYNTACTIC, type Section } from './evalFacts';

export interface CategoryFile {
  about: string;
  /** Category name -> its words, in legend order. */
  categories: Record<string, string[]>;
}

const NUMBERS = `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
  first second third fourth fifth sixth seventh eighth ninth tenth`;
const MONTHS = 'january february march april may june july august september october november december';
const DAYS = 'monday tuesday wednesday thursday friday saturday sunday';
const COLOURS = 'red blue green yellow black white brown gray grey pink purple orange violet scarlet crimson golden silver';

const words = (list: string) => list.trim().split(/\s+/);

function pairs(section: Section): [string, string][] {
  return section.pairs
    .split(',')
    .map((p) => p.trim().split(/\s+/))
    .filter((p): p is [string, string] => p.length === 2);
}

function facts(name: string): [string, string][] {
  const s = [...SEMANTIC, ...SYNTACTIC].find((x) => x.name === name);
  if (!s) throw new Error(`scripts/evalFacts.ts has no section "${name}"`);
  return pairs(s);
}

export function mapCategories(): CategoryFile {
  const capitals = facts('capital-country');
  const nationality = facts('gram-nationality-adjective');
  const lists: [string, string[]][] = [
    ['numbers', words(NUMBERS)],
    ['months', words(MONTHS)],
    ['days', words(DAYS)],
    ['colours', words(COLOURS)],
    ['family', facts('family').flat()],
    ['countries', [...capitals.map((p) => p[1]), ...facts('currency').map((p) => p[0]), ...nationality.map((p) => p[0])]],
    ['capitals', capitals.map((p) => p[0])],
    ['nationalities', nationality.map((p) => p[1])],
    ['currencies', facts('currency').map((p) => p[1])],
    ['us states', facts('city-in-state').map((p) => p[1])],
    ['us cities', facts('city-in-state').map((p) => p[0])],
  ];
  const seen = new Set<string>();
  const categories: Record<string, string[]> = {};
  for (const [name, list] of lists) {
    const kept: string[] = [];
    for (const w of list) {
      if (seen.has(w)) continue;
      seen.add(w);
      kept.push(w);
    }
    categories[name] = kept;
  }
  return {
    about: 'Semantic categories for the embedding map, from the analogy facts in scripts/evalFacts.ts and short fact lists in scripts/mapCategories.ts. A word belongs to the first category that lists it.',
    categories,
  };
}
