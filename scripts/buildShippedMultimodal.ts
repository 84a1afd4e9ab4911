// Trains the image-text model the lab ships (public/models/imagetext-shapes.eldm) from the project's own generated
// scenes, with the registry's defaults, and prints its recall on the test scenes. Deterministic: seed 1, one thread.
//   npx tsx scripts/buildShippedMultimodal.ts [--engine tfjs-wasm] [--seed 1]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCommon, defaultParams, getModel } from '../src/core/models';
import { MultimodalModel } from '../src/core/models/multimodal/dualModel';
import { writeDualModel } from '../src/core/models/multimodal/dualModelFile';
import { MULTIMODAL_ID, type MultimodalParams } from '../src/core/models/multimodal/multimodalSpec';
import { evaluateScenes } from '../src/core/multimodal/evaluateScenes';
import { makeSceneSplit } from '../src/core/multimodal/sceneSplit';

export const SHIPPED_MULTIMODAL_FILE = 'imagetext-shapes.eldm';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const spec = getModel(MULTIMODAL_ID);
  const engine = flag('engine', spec.engines[0]!);
  const common = { ...defaultCommon(spec), seed: Number(flag('seed', '1')) };
  const params = defaultParams(spec) as MultimodalParams;
  const data = spec.generateData!({ model: spec.id, common, params });
  const trainer = await spec.create(data, { model: spec.id, common, params }, engine);
  let p = trainer.progress();
  const t0 = performance.now();
  while (!p.done) {
    p = await trainer.run(1000);
    process.stderr.write(`\r${p.unitsDone}/${p.unitsTotal} images, ${params.loss} ${p.loss.toFixed(3)}, ${Math.round(p.unitsPerSec)} images/s   `);
  }
  process.stderr.write('\n');
  const model = trainer.model();
  trainer.dispose();
  if (!(model instanceof MultimodalModel)) throw new Error('the image-text model gave no dual model');
  const split = makeSceneSplit({ seed: common.seed, trainPerCaption: params.perCaption });
  const recall = evaluateScenes(model, split);
  const meta = { model: spec.id, engine, ...common, ...params, heldOut: split.heldOut, seconds: Math.round((performance.now() - t0) / 1000), recall };
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'models', SHIPPED_MULTIMODAL_FILE);
  mkdirSync(dirname(out), { recursive: true });
  const bytes = writeDualModel(model, meta);
  writeFileSync(out, bytes);
  console.log(JSON.stringify({ out, bytes: bytes.length, ...meta }));
}

await main();
