// "Auto" engine: measure, do not assume. A GPU backend is only a candidate when the browser reports real hardware
// (SwiftShader/llvmpipe are CPU emulations, far slower than typed arrays: see docs/measurements.md, "Browser"). Each candidate
// trains briefly on the real corpus; the fastest in words per second wins.
import { hasModel, getModel } from '../core/models';
import type { ModelConfig } from '../core/models/types';
import type { EncodedCorpus } from '../core/text/corpus';
import type { EngineName } from '../core/train/types';
import type { CreateTrainer } from './trainerSession';

/** Measured time per candidate after its warm-up chunk: long enough to average a few chunks, short for a user. */
const PROBE_MS = 400;
/** Warm-up words (shader compilation, JIT) that are not timed. */
const WARMUP_WORDS = 500;
const PROBE_CHUNK_WORDS = 1_000;
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; architecture?: string; vendor?: string; description?: string };
}

/** A WebGPU adapter that is not the software fallback. */
export async function hasHardwareWebGpu(): Promise<boolean> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return false;
  try {
    const a = await gpu.requestAdapter();
    if (!a) return false;
    if (a.isFallbackAdapter || a.info?.isFallbackAdapter) return false;
    const desc = `${a.info?.architecture ?? ''} ${a.info?.vendor ?? ''} ${a.info?.description ?? ''}`;
    return !SOFTWARE_RENDERER.test(desc);
  } catch {
    return false;
  }
}

/** WebGL2 in this worker on a renderer that is not a software emulation. */
export function hasHardwareWebGl(): boolean {
  try {
    if (typeof OffscreenCanvas === 'undefined') return false;
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return false;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !SOFTWARE_RENDERER.test(renderer);
  } catch {
    return false;
  }
}

export async function probeCandidates(): Promise<EngineName[]> {
  const out: EngineName[] = ['cpu'];
  if (typeof WebAssembly === 'object') out.push('tfjs-wasm');
  if (hasHardwareWebGl()) out.push('tfjs-webgl');
  if (await hasHardwareWebGpu()) out.push('tfjs-webgpu');
  return out;
}

export interface ProbeResult {
  best: EngineName;
  /** e.g. "cpu 96,000 words/s, tfjs-wasm 21,000 words/s (no hardware GPU: WebGPU/WebGL would be software-emulated)" */
  note: string;
}

export async function probeEngines(
  corpus: EncodedCorpus,
  config: ModelConfig,
  createTrainer: CreateTrainer,
  onStatus: (text: string) => void,
  /** The engines the model runs on (its spec's list): others are not tried. */
  allowed: readonly string[],
): Promise<ProbeResult> {
  const candidates = (await probeCandidates()).filter((e) => allowed.includes(e));
  const speeds: { engine: EngineName; wps: number }[] = [];
  // Only the first epoch's schedule matters for speed; one epoch keeps the probe's learning-rate decay irrelevant.
  const probeConfig: ModelConfig = { ...config, common: { ...config.common, epochs: 1 } };
  for (const engine of candidates) {
    onStatus(`Measuring engine speed: ${engine}…`);
    let trainer;
    try {
      trainer = await createTrainer({ kind: 'text', corpus }, probeConfig, engine);
      await trainer.run(WARMUP_WORDS);
      const start = trainer.progress().unitsDone;
      const t0 = performance.now();
      while (performance.now() - t0 < PROBE_MS && !trainer.done) await trainer.run(PROBE_CHUNK_WORDS);
      const secs = (performance.now() - t0) / 1000;
      speeds.push({ engine, wps: (trainer.progress().unitsDone - start) / Math.max(secs, 1e-3) });
    } catch {
      // An engine that cannot start or run is simply not a candidate.
    } finally {
      trainer?.dispose();
    }
  }
  speeds.sort((a, b) => b.wps - a.wps);
  const best = speeds[0]?.engine ?? (allowed[0] as EngineName | undefined) ?? 'cpu';
  const gpuNote = candidates.some((c) => c === 'tfjs-webgl' || c === 'tfjs-webgpu')
    ? ''
    : ' (no hardware GPU found: WebGPU/WebGL here would be emulated on the CPU, so they were not tried)';
  // Speeds in the model's own unit: words for word2vec, optimiser steps for a transformer.
  const unit = hasModel(config.model) ? getModel(config.model).unit : 'words';
  const digits = unit === 'steps' ? 1 : 0;
  const note = `Auto: measured ${speeds.map((s) => `${s.engine} ${s.wps.toLocaleString('en', { maximumFractionDigits: digits })} ${unit}/s`).join(', ')}; chose ${best}${gpuNote}.`;
  return { best, note };
}
