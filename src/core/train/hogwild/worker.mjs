// A Hogwild helper thread (Node worker_threads only; the browser never loads this file). Plain JavaScript so that
// it runs as is under tsx, vitest and plain node. It instantiates the SIMD kernel over the trainer's shared memory
// and trains the sentence slices the trainer sends, on the same weights as every other thread, without locks.
/* global WebAssembly */
import { parentPort, workerData } from 'node:worker_threads';

const { module, memory, setupArgs, sen, maxSentence, keep, seed } = workerData;
const ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
ex.setup(...setupArgs);
const sentence = new Int32Array(memory.buffer, sen, maxSentence);
// The corpus (or, for a streamed corpus, the piece being trained): replaced by a 'piece' message.
let idsView = new Int32Array(workerData.ids);
let offsetsView = new Int32Array(workerData.offsets);
let rawView = new Int32Array(workerData.rawLengths);
const keepView = keep ? new Float32Array(keep) : null;
// Two xoshiro128** streams from the trainer-given seed words: one for down-sampling here, one inside the kernel.
let [s0, s1, s2, s3] = seed.slice(0, 4);
ex.r0.value = seed[4];
ex.r1.value = seed[5];
ex.r2.value = seed[6];
ex.r3.value = seed[7];
const INV_2_32 = 1 / 4294967296;

function nextFloat() {
  const t = s1 << 9;
  const x = Math.imul(s1, 5);
  const r = Math.imul((x << 7) | (x >>> 25), 9);
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  s1 ^= n2;
  s0 ^= n3;
  s2 = n2 ^ t;
  s3 = (n3 << 11) | (n3 >>> 21);
  return (r >>> 0) * INV_2_32;
}

function train(msg) {
  const { from, to, wordsBefore, wordsTotal, alpha, minAlpha, threads } = msg;
  ex.lossSum.value = 0;
  ex.examples.value = 0;
  ex.diverged.value = 0;
  let words = 0;
  let diverged = false;
  for (let s = from; s < to; s++) {
    let len = 0;
    for (let i = offsetsView[s], end = offsetsView[s + 1]; i < end; i++) {
      const w = idsView[i];
      if (keepView === null || keepView[w] >= 1 || nextFloat() < keepView[w]) sentence[len++] = w;
    }
    const progress = wordsBefore + words * threads;
    const a = alpha - (alpha - minAlpha) * (progress / wordsTotal);
    ex.train(sen, len, a > minAlpha ? a : minAlpha);
    words += rawView[s];
    if (ex.diverged.value) {
      diverged = true;
      break;
    }
  }
  parentPort.postMessage({ id: msg.id, lossSum: ex.lossSum.value, examples: ex.examples.value, diverged, words });
}

parentPort.on('message', (msg) => {
  if (msg.type === 'run') train(msg);
  else if (msg.type === 'piece') {
    idsView = new Int32Array(msg.ids);
    offsetsView = new Int32Array(msg.offsets);
    rawView = new Int32Array(msg.rawLengths);
  }
});
parentPort.postMessage({ type: 'ready' });
