// A declared model of a small shop, and the sessions it generates. No redistributable interaction log ships in an
// npm or Debian package (MovieLens, the usual teaching set, may not be passed on without GroupLens's permission),
// so the lab generates its own from a model whose structure is written down here and shown to the student: that
// is what lets a test say which items truly belong together, and what a cold-start item's true neighbours are.
//
// The model: items are films in GENRES x PRICE_BANDS cells (ITEMS_PER_CELL each, the last NEW_PER_CELL of them
// released after the log was collected, so they have no interactions). Within a cell, item k is picked with weight
// 1/(k+1) (a Zipf law: a few hits, a long tail). Each user loves one genre, likes a second and rarely strays into
// the rest, and sticks to one price band most of the time. A session starts in a genre drawn from the user's taste;
// each next pick keeps the session's genre with probability `stay` or redraws it; with probability `noise` the pick
// is any item at all. No item repeats within a session.
import { Rng } from '../train/rng';

export const GENRES = ['drama', 'comedy', 'thriller', 'scifi', 'documentary', 'animation'] as const;
export const PRICE_BANDS = ['budget', 'standard', 'premium'] as const;

export interface ShopConfig {
  seed: number;
  /** Sessions in the log, over all users. */
  sessions: number;
  /** Items per genre x price cell, new ones included. */
  itemsPerCell: number;
  /** Items per cell released after the log: never in a session (the cold-start items). */
  newPerCell: number;
  sessionsPerUser: number;
  /** Weight of a user's first and second genre in their taste; the rest is spread evenly over the other genres. */
  firstGenreShare: number;
  secondGenreShare: number;
  /** Chance that a pick is in the user's own price band (else one of the other bands, evenly). */
  priceLoyalty: number;
  /** Chance that the next pick keeps the session's current genre. */
  stay: number;
  /** Chance that a pick ignores taste altogether (any released item, evenly). */
  noise: number;
  minSessionLength: number;
  maxSessionLength: number;
}

export const DEFAULT_SHOP: ShopConfig = {
  seed: 1,
  sessions: 2000,
  itemsPerCell: 8,
  newPerCell: 1,
  sessionsPerUser: 5,
  firstGenreShare: 0.6,
  secondGenreShare: 0.3,
  priceLoyalty: 0.7,
  stay: 0.8,
  noise: 0.05,
  minSessionLength: 3,
  maxSessionLength: 10,
};

/** Limits the CLI and the page check a requested log size against (the generator itself takes any positive count). */
export const MIN_SESSIONS = 50;
export const MAX_SESSIONS = 100_000;

/** Tries to draw an item not yet in the session before giving up on that pick (a session shorter by one). */
const MAX_REDRAWS = 20;

export interface Item {
  /** Index in Shop.items. */
  id: number;
  /** One token, used as the "word" of item2vec's sentences: `comedy-budget-3`. */
  name: string;
  genre: number;
  band: number;
  /** 0 = the cell's most popular item. */
  rankInCell: number;
  /** Released after the log: never interacted with. */
  isNew: boolean;
}

export interface User {
  /** Genre weights, summing to 1. */
  taste: number[];
  band: number;
}

export interface Session {
  user: number;
  /** Item ids in the order they were picked. */
  items: number[];
}

export interface Shop {
  config: ShopConfig;
  items: Item[];
  users: User[];
  sessions: Session[];
}

export const itemName = (genre: number, band: number, rankInCell: number): string =>
  `${GENRES[genre]}-${PRICE_BANDS[band]}-${rankInCell + 1}`;

export function makeCatalogue(c: Pick<ShopConfig, 'itemsPerCell' | 'newPerCell'>): Item[] {
  const items: Item[] = [];
  for (let g = 0; g < GENRES.length; g++) {
    for (let b = 0; b < PRICE_BANDS.length; b++) {
      for (let k = 0; k < c.itemsPerCell; k++) {
        items.push({ id: items.length, name: itemName(g, b, k), genre: g, band: b, rankInCell: k, isNew: k >= c.itemsPerCell - c.newPerCell });
      }
    }
  }
  return items;
}

function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng.nextFloat() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function makeUser(rng: Rng, c: ShopConfig): User {
  const first = rng.nextInt(GENRES.length);
  let second = rng.nextInt(GENRES.length - 1);
  if (second >= first) second++;
  const rest = (1 - c.firstGenreShare - c.secondGenreShare) / (GENRES.length - 2);
  const taste = GENRES.map((_, g) => (g === first ? c.firstGenreShare : g === second ? c.secondGenreShare : rest));
  return { taste, band: rng.nextInt(PRICE_BANDS.length) };
}

export function validateShopConfig(c: ShopConfig): string[] {
  const out: string[] = [];
  if (!Number.isInteger(c.sessions) || c.sessions < 1) out.push(`sessions must be a whole number of at least 1, got ${c.sessions}`);
  if (c.newPerCell >= c.itemsPerCell) out.push('every cell needs at least one item with interactions');
  if (c.firstGenreShare + c.secondGenreShare > 1) out.push('the two favourite genres cannot take more than all of a taste');
  if (c.minSessionLength < 2 || c.maxSessionLength < c.minSessionLength) out.push('sessions need at least 2 picks (one to hold out)');
  for (const k of ['priceLoyalty', 'stay', 'noise'] as const) if (!(c[k] >= 0 && c[k] <= 1)) out.push(`${k} must be a probability, got ${c[k]}`);
  return out;
}

/** The log the declared model generates: same config (seed included), same shop. */
export function generateShop(config: Partial<ShopConfig> = {}): Shop {
  const c: ShopConfig = { ...DEFAULT_SHOP, ...config };
  const problems = validateShopConfig(c);
  if (problems.length) throw new Error(`Shop model: ${problems.join('; ')}.`);
  const rng = new Rng(c.seed);
  const items = makeCatalogue(c);
  const released = items.filter((i) => !i.isNew);
  // Released items of each cell, most popular first, with their Zipf weights.
  const cells = new Map<string, { ids: number[]; weights: number[] }>();
  for (const i of released) {
    const key = `${i.genre}/${i.band}`;
    const cell = cells.get(key) ?? { ids: [], weights: [] };
    cell.ids.push(i.id);
    cell.weights.push(1 / (i.rankInCell + 1));
    cells.set(key, cell);
  }
  const userCount = Math.ceil(c.sessions / c.sessionsPerUser);
  const users = Array.from({ length: userCount }, () => makeUser(rng, c));
  const otherBands = (b: number) => PRICE_BANDS.map((_, i) => i).filter((i) => i !== b);
  const sessions: Session[] = [];
  for (let s = 0; s < c.sessions; s++) {
    // Users take turns, so each user's sessions are spread over the log and the last one is near its end.
    const u = s % userCount;
    const user = users[u]!;
    const length = c.minSessionLength + rng.nextInt(c.maxSessionLength - c.minSessionLength + 1);
    let genre = pickWeighted(rng, user.taste);
    const picked: number[] = [];
    for (let t = 0; t < length; t++) {
      if (t > 0 && rng.nextFloat() >= c.stay) genre = pickWeighted(rng, user.taste);
      for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
        let id: number;
        if (rng.nextFloat() < c.noise) {
          id = released[rng.nextInt(released.length)]!.id;
        } else {
          const others = otherBands(user.band);
          const band = rng.nextFloat() < c.priceLoyalty ? user.band : others[rng.nextInt(others.length)]!;
          const cell = cells.get(`${genre}/${band}`)!;
          id = cell.ids[pickWeighted(rng, cell.weights)]!;
        }
        if (!picked.includes(id)) {
          picked.push(id);
          break;
        }
      }
    }
    sessions.push({ user: u, items: picked });
  }
  return { config: c, items, users, sessions };
}

/** The generating model's own answer to "which items belong with this one": the released items of the same genre
 *  and price band (the picks a session most often puts together). */
export function trueNeighbours(shop: Shop, item: Item): Item[] {
  return shop.items.filter((j) => !j.isNew && j.id !== item.id && j.genre === item.genre && j.band === item.band);
}
