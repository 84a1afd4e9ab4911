// Quick t-SNE timing in Node (npx tsx bench/quick-tsne.ts [N...]): our engine's P build, ms per gradient step (exact
// and Barnes-Hut), the frames per second the layout worker's loop would post, and 10-NN preservation; tsne-js at
// N = 500 for a same-machine ratio. Data: 20 Gaussian clusters in 100-D, perplexity 30 (as in docs/measurements.md, "t-SNE and plotting").
// Short on purpose (the machine is shared): a few hundred steps per size.
import { setTimeout as sleep } from 'node:timers/promises';
import { AffinityBuilder } from '../src/core/project/affinities';
import { Tsne } from '../src/core/project/tsne';
import { TsneJsEngine } from '../src/core/project/tsneJsEngine';
import { neighbourhoodKept, plantedClusters } from '../tests/unit/projectFixtures';

const DIM = 100;
const CLUSTERS = 20;
const PERPLEXITY = 30;
/** Steps timed per size and method: enough to average out the quadtree's warm-up. */
const TIMED_STEPS = 200;
/** The layout worker's loop (src/workers/layout.worker.ts): per tick up to 30 ms or 10 steps of work, then a frame;
 *  ticks at most every 50 ms. */
const TICK_BUDGET_MS = 30;
const MAX_STEPS_PER_FRAME = 10;
const FRAME_INTERVAL_MS = 50;
/** Wall time of the simulated worker loop per size. */
const LOOP_MS = 3000;

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const results: Record<string, unknown>[] = [];

for (const n of sizes.length ? sizes : [500, 1000, 2000]) {
  const { vectors, words } = plantedClusters(n, DIM, CLUSTERS, 1);
  let t0 = performance.now();
  new AffinityBuilder(vectors, n, DIM, PERPLEXITY, 'euclidean').work();
  const pMs = performance.now() - t0;

  const perStep: Record<string, number> = {};
  let kept = 0;
  for (const [name, exactMaxN] of [['exact', Infinity], ['barnesHut', 0]] as const) {
    const t = new Tsne({ perplexity: PERPLEXITY, learningRate: 0, seed: 1, metric: 'euclidean', exactMaxN });
    t.setData(words, vectors, DIM);
    t.finishAffinities();
    for (let i = 0; i < 20; i++) t.step(); // warm-up (JIT, quadtree arrays)
    t0 = performance.now();
    for (let i = 0; i < TIMED_STEPS; i++) t.step();
    perStep[name] = (performance.now() - t0) / TIMED_STEPS;
    if (name === 'barnesHut' || n <= 1000) {
      while (!t.settled) t.step();
      kept = neighbourhoodKept(vectors, DIM, t.positions(), n);
    }
  }

  // The worker's loop with the engine it would pick for this N: frames posted per second.
  const t = new Tsne({ perplexity: PERPLEXITY, learningRate: 0, seed: 1, metric: 'euclidean' });
  t.setData(words, vectors, DIM);
  t.finishAffinities();
  let frames = 0;
  const start = performance.now();
  const startIter = t.iteration;
  while (performance.now() - start < LOOP_MS && !t.settled) {
    const tickStart = performance.now();
    t.work(TICK_BUDGET_MS, undefined, MAX_STEPS_PER_FRAME);
    t.positions();
    frames++;
    await sleep(Math.max(0, FRAME_INTERVAL_MS - (performance.now() - tickStart)));
  }
  const seconds = (performance.now() - start) / 1000;
  results.push({
    n,
    pMs: Math.round(pMs),
    msPerStepExact: +perStep.exact.toFixed(2),
    msPerStepBarnesHut: +perStep.barnesHut.toFixed(2),
    engine: t.usesBarnesHut ? 'barnes-hut' : 'exact',
    stepsPerSec: Math.round((t.iteration - startIter) / seconds),
    framesPerSec: +(frames / seconds).toFixed(1),
    tenNNKept: +kept.toFixed(3),
  });
  console.log(JSON.stringify(results[results.length - 1]));
}

// tsne-js, same data at N = 500, a few iterations (it is ~20-50x slower per step).
{
  const n = 500;
  const { vectors, words } = plantedClusters(n, DIM, CLUSTERS, 1);
  const e = new TsneJsEngine({ perplexity: PERPLEXITY, learningRate: 0, seed: 1 });
  e.setData(words, vectors, DIM);
  let t0 = performance.now();
  e.work(0); // distances + P, one blocking pass
  const pMs = performance.now() - t0;
  t0 = performance.now();
  let steps = 0;
  while (steps < 10) {
    e.work(0, 1);
    steps++;
  }
  console.log(JSON.stringify({ n, engine: 'tsne-js', pMs: Math.round(pMs), msPerStep: +((performance.now() - t0) / steps).toFixed(1) }));
}
