// Claims of the recommendation section of lessons/08-applications.md, computed with the widget's own core
// (src/core/recommend) on the widget's defaults: seeds 1-3, 2,000 generated sessions each.
import { beforeAll, describe, expect, it } from 'vitest';
import { lessonText } from './shipped';
import { DEFAULT_SEEDS, runSeed, summarize, type SeedRun, type Summary } from '../../../src/core/recommend/experiment';
import { nearestReleased, neighbourPrecision, placeByMetadata } from '../../../src/core/recommend/coldStart';
import { rankForHistory } from '../../../src/core/recommend/recommender';
import { DEFAULT_SHOP, GENRES, PRICE_BANDS, trueNeighbours } from '../../../src/core/recommend/shopModel';

const text = lessonText('08-applications.md');
let runs: SeedRun[] = [];
let summary: Summary;

beforeAll(async () => {
  runs = [];
  for (const seed of DEFAULT_SEEDS) runs.push(await runSeed(seed));
  summary = summarize(runs.map((r) => r.result), DEFAULT_SHOP.sessions);
}, 300_000);

describe('08 applications: recommendation (item2vec on generated sessions)', () => {
  it('the widget runs on the defaults the figures are computed on, and the data are said to be generated', () => {
    expect(text).toContain('::widget{name="recommend" seeds="3" sessions="2000" history="scifi-budget-1,scifi-budget-2"}');
    expect(DEFAULT_SEEDS).toEqual([1, 2, 3]);
    expect(DEFAULT_SHOP.sessions).toBe(2000);
    expect(text).toContain('**The data here are generated, and the widget says so.**');
    expect(text).toContain(`${GENRES.length} genres × ${PRICE_BANDS.length} price bands × ${DEFAULT_SHOP.itemsPerCell} films`);
  });

  it('hit rate@10: item2vec about 0.37 ± 0.01, popularity about 0.16 ± 0.01, random 0.083; ahead in every seed by about 0.21', () => {
    expect(text).toContain("item2vec's hit rate@10 is about 0.37 ± 0.01, popularity's about 0.16 ± 0.01 and a random order's 0.083");
    expect(summary.hitRate.item2vec.mean).toBeCloseTo(0.37, 2);
    expect(summary.hitRate.item2vec.sd).toBeLessThan(0.015);
    expect(summary.hitRate.popularity.mean).toBeCloseTo(0.16, 2);
    expect(summary.hitRate.popularity.sd).toBeLessThan(0.015);
    expect(summary.hitRate.random.mean).toBeCloseTo(0.083, 3);
    expect(summary.item2vecVsPopularity.beyondNoise).toBe(true);
    expect(summary.item2vecVsPopularity.difference.mean).toBeCloseTo(0.21, 2);
  });

  it('scifi-budget-1 and -2: all ten recommendations science fiction, the five other budget ones among them', () => {
    const { shop, kv } = runs[0]!;
    const id = (n: string) => shop.items.find((i) => i.name === n)!.id;
    const recs = rankForHistory(kv, shop.items, [id('scifi-budget-1'), id('scifi-budget-2')]).slice(0, 10).map((r) => shop.items[r.item]!);
    expect(recs.every((it) => GENRES[it.genre] === 'scifi')).toBe(true);
    expect(text).toContain('all ten recommendations are science fiction, among them the five other budget science-fiction films');
    expect(recs.filter((it) => PRICE_BANDS[it.band] === 'budget')).toHaveLength(DEFAULT_SHOP.itemsPerCell - DEFAULT_SHOP.newPerCell - 2);
  });

  it('cold start, thriller-premium: 6 of 7 with genre and band, 2 of 7 with the genre only, about 5% at random', () => {
    const { shop, kv, result } = runs[0]!;
    const it = shop.items.find((i) => i.isNew && i.name.startsWith('thriller-premium-'))!;
    const truth = new Set(trueNeighbours(shop, it).map((j) => j.id));
    expect(truth.size).toBe(7);
    const found = (genre: number | null, band: number | null) => {
      const p = placeByMetadata(kv, shop.items, { genre, band })!;
      return neighbourPrecision(nearestReleased(kv, shop.items, p.vector, truth.size).map((n) => n.item), truth) * truth.size;
    };
    expect(found(it.genre, it.band)).toBeCloseTo(6, 6);
    expect(found(it.genre, null)).toBeCloseTo(2, 6);
    expect(result.coldStart.perItem.find((p) => p.item === it.id)!.random).toBeCloseTo(0.05, 2);
    expect(text).toContain('has 6 of its 7 nearest films among its true neighbours; told only its genre, 2 of 7; placed at a random film, about 5% on average');
  });

  it('cold start over all 18 new films and three seeds: about 80% by metadata, 6% at random', () => {
    expect(text).toContain('Over all 18 new films and three seeds, placement by metadata finds about 80% of the true neighbours, a random placement 6%.');
    expect(runs[0]!.result.coldStart.perItem).toHaveLength(18);
    expect(Math.round(100 * summary.coldStart.metadata.mean)).toBe(80);
    expect(Math.round(100 * summary.coldStart.random.mean)).toBe(6);
    expect(summary.coldStartVsRandom.beyondNoise).toBe(true);
  });

  it('the predict-then-run check comes before the widget, and its answers quote the same figures', () => {
    const quiz = text.indexOf('question: Before you train: item2vec against');
    expect(quiz).toBeGreaterThan(0);
    expect(text.slice(quiz, text.indexOf('::widget{name="recommend"'))).toMatch(/predict: yes[\s\S]*about 0\.37 against 0\.16 \(random order: 0\.083\)/);
  });
});
