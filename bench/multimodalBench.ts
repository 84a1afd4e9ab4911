// The image-text model measured: recall@1/5/10 text->image and image->text on the test scenes (one picture of each of
// the grammar's 300 captions), over all captions, the seen colour-shape pairs and the held-out ones (never trained
// on), with chance beside them; mean and spread over training seeds, for both losses; and training speed in images
// per second on each tfjs backend Node can run.
//   npx tsx bench/multimodalBench.ts [--seeds 1,2,3] [--losses infonce,hinge] [--engine tfjs-wasm] [--parallel N]
//                                    [--epochs E] [--per-caption P] [--speed-images 256] [--json FILE]
//                                    [--browser [--lab-url URL]]
// --browser adds the playground's training speed in headless Chromium on tfjs wasm, WebGL and WebGPU
// (bench/tfjsBrowserRows.ts; WebGL and WebGPU there are SwiftShader, a CPU emulation: correctness, not GPU speed).
// Each (loss, seed) run is a child process, so --parallel N uses N cores. Defaults are the registry's (the shipped
// model's settings).
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { defaultCommon, defaultParams, getModel } from '../src/core/models';
import { MultimodalModel } from '../src/core/models/multimodal/dualModel';
import { MULTIMODAL_ID, type MultimodalParams } from '../src/core/models/multimodal/multimodalSpec';
import { evaluateScenes, type SceneRecall } from '../src/core/multimodal/evaluateScenes';
import { RECALL_KS } from '../src/core/multimodal/recall';
import { makeSceneSplit } from '../src/core/multimodal/sceneSplit';
import { BROWSER_ENGINES, browserRowsTable, measureTfjsBrowser, SOFTWARE_GPU_LABEL } from './tfjsBrowserRows';
import { ROOT } from './trainers';

interface RunResult {
  loss: string;
  seed: number;
  engine: string;
  recall: SceneRecall;
  seconds: number;
  imagesPerSec: number;
  finalLoss: number;
}

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const spec = getModel(MULTIMODAL_ID);
const ENGINE = flag('engine', 'tfjs-wasm');
const common = { ...defaultCommon(spec), epochs: Number(flag('epochs', String(defaultCommon(spec).epochs))) };
const baseParams = { ...(defaultParams(spec) as MultimodalParams), perCaption: Number(flag('per-caption', String(defaultParams(spec).perCaption))) };

/** Train one (loss, seed) and score it. */
async function runOne(loss: string, seed: number, engine: string, maxImages = Infinity): Promise<RunResult> {
  const params = { ...baseParams, loss } as MultimodalParams;
  const c = { ...common, seed };
  const trainer = await spec.create(spec.generateData!({ model: spec.id, common: c, params }), { model: spec.id, common: c, params }, engine);
  let p = trainer.progress();
  while (!p.done && p.unitsDone < maxImages) p = await trainer.run(Math.min(512, maxImages));
  const model = trainer.model();
  trainer.dispose();
  if (!(model instanceof MultimodalModel)) throw new Error('not an image-text model');
  return { loss, seed, engine, recall: evaluateScenes(model, makeSceneSplit({ seed, trainPerCaption: params.perCaption })), seconds: p.seconds, imagesPerSec: p.unitsDone / p.seconds, finalLoss: p.loss };
}

function inChild(loss: string, seed: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, [...args, '--one', `${loss}:${seed}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => resolve(m as RunResult));
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`run ${loss}:${seed} exited with ${code}`))));
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => (xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1)));
const pct = (xs: number[]) => `${(100 * mean(xs)).toFixed(1)} ± ${(100 * sd(xs)).toFixed(1)}`;

async function main(): Promise<void> {
  const one = flag('one', '');
  if (one) {
    const [loss, seed] = one.split(':');
    const r = await runOne(loss!, Number(seed), ENGINE);
    process.send!(r);
    return;
  }
  const seeds = flag('seeds', '1,2,3').split(',').map(Number);
  const losses = flag('losses', 'infonce,hinge').split(',');
  const parallel = Math.max(1, Number(flag('parallel', '1')));
  const jobs = losses.flatMap((loss) => seeds.map((seed) => ({ loss, seed })));
  const results: RunResult[] = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const { loss, seed } = jobs[next++]!;
      const r = parallel > 1 ? await inChild(loss, seed) : await runOne(loss, seed, ENGINE);
      console.error(`${loss} seed ${seed}: t->i@1 ${(100 * r.recall.all.textToImage[0]!).toFixed(1)}%, held-out ${(100 * r.recall.heldOut.textToImage[0]!).toFixed(1)}%, ${r.imagesPerSec.toFixed(0)} images/s`);
      results.push(r);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));

  const lines: string[] = [];
  const chance = results[0]!.recall.all.chance;
  lines.push(`image-text model, ${ENGINE}, dim ${common.dim}, ${common.epochs} epochs x ${baseParams.perCaption} pictures per caption, seeds ${seeds.join(',')}; recall in % (mean ± sd over seeds)`);
  lines.push(`chance (k / ${results[0]!.recall.all.gallery} pictures): ${chance.map((c, i) => `@${RECALL_KS[i]} ${(100 * c).toFixed(2)}`).join(', ')}`);
  lines.push('| loss | queries | text→image @1 | @5 | @10 | image→text @1 | @5 | @10 |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const loss of losses) {
    const rs = results.filter((r) => r.loss === loss);
    for (const part of ['all', 'seen', 'heldOut'] as const) {
      const row = RECALL_KS.map((_, k) => pct(rs.map((r) => r.recall[part].textToImage[k]!)));
      const rowI = RECALL_KS.map((_, k) => pct(rs.map((r) => r.recall[part].imageToText[k]!)));
      lines.push(`| ${loss} | ${part} (${rs[0]!.recall[part].queries}) | ${row.join(' | ')} | ${rowI.join(' | ')} |`);
    }
  }
  // Speed: a short run per backend, one after the other (the quality runs above may have shared the cores).
  const speedImages = Number(flag('speed-images', '256'));
  const speeds: Record<string, number> = {};
  for (const engine of ['tfjs-wasm', 'tfjs-cpu']) {
    if (speedImages <= 0) break;
    const r = await runOne('infonce', 1, engine, speedImages);
    speeds[engine] = Math.round(r.imagesPerSec);
  }
  if (Object.keys(speeds).length) lines.push(`training speed (images/s, ${speedImages} images, batch ${baseParams.batchSize}): ${Object.entries(speeds).map(([e, s]) => `${e} ${s}`).join(', ')}`);
  const browserSpeed = args.includes('--browser') ? await measureTfjsBrowser({ root: ROOT, model: 'imagetext', engines: BROWSER_ENGINES, labUrl: flag('lab-url', '') || undefined, log: (l) => console.error(l) }) : [];
  if (browserSpeed.length) {
    lines.push(`training speed in the browser (the playground's default run; ${SOFTWARE_GPU_LABEL}):`);
    lines.push(...browserRowsTable(browserSpeed, 'images'));
  }
  console.log(lines.join('\n'));
  const json = flag('json', '');
  if (json) writeFileSync(json, JSON.stringify({ engine: ENGINE, common, params: baseParams, results, speeds, browserSpeed }, null, 1));
}

await main();
