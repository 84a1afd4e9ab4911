/// <reference lib="webworker" />
// The trainer worker: a thin adapter between postMessage and TrainerSession (trainerSession.ts). Imports nothing from
// src/ui. Training, corpus reading and tokenizing all happen here, so the page's main thread stays free.
import '../core/train/tfjsWasmPaths.browser';
import type { FromWorker, ToWorker } from './trainerMessages';
import { createFromRegistry, errorText, TrainerSession } from './trainerSession';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const session = new TrainerSession(
  (msg: FromWorker, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []),
  createFromRegistry,
);

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    session.handle(e.data);
  } catch (err) {
    scope.postMessage({ type: 'error', session: -1, kind: 'crash', message: errorText(err) } satisfies FromWorker);
  }
};
