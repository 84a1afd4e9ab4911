// The page's handle on the trainer worker: typed send, request/reply with ids, and a fresh worker when the old one
// crashes (worker.onerror) or must be cancelled mid-way (tokenizing is synchronous inside the worker, so terminating
// it is the only way to cancel that).
import type { FromWorker, ToWorker } from './trainerMessages';

export interface TrainerClientHandlers {
  onMessage: (msg: FromWorker) => void;
  /** The worker died (uncaught error, failed to load); a new one is already running. */
  onCrash: (message: string) => void;
}

type Pending = { resolve: (m: FromWorker) => void; reject: (e: Error) => void };

export class TrainerClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly handlers: TrainerClientHandlers) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.crashed(e.message || 'the training worker stopped unexpectedly');
    };
    w.onmessageerror = () => this.crashed('a message from the training worker could not be read');
    return w;
  }

  private receive(msg: FromWorker): void {
    const id = 'id' in msg ? msg.id : undefined;
    if (id !== undefined && this.pending.has(id)) {
      const p = this.pending.get(id)!;
      this.pending.delete(id);
      if (msg.type === 'error') p.reject(new Error(msg.message));
      else p.resolve(msg);
      // Vectors asked for by id are also useful to the page at large (playgrounds, export).
      if (msg.type !== 'vectors') return;
    }
    this.handlers.onMessage(msg);
  }

  private crashed(message: string): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error(`The training worker crashed: ${message}`));
    this.pending.clear();
    this.worker = this.spawn();
    this.handlers.onCrash(message);
  }

  send(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  private request<T extends FromWorker['type']>(make: (id: number) => ToWorker, _expect: T): Promise<Extract<FromWorker, { type: T }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (m: FromWorker) => void, reject });
      this.send(make(id));
    });
  }

  requestVectors(): Promise<Extract<FromWorker, { type: 'vectors' }>> {
    return this.request((id) => ({ type: 'requestVectors', id }), 'vectors');
  }

  requestModelFile(): Promise<Extract<FromWorker, { type: 'modelFile' }>> {
    return this.request((id) => ({ type: 'requestModelFile', id }), 'modelFile');
  }

  queryNeighbours(word: string, k: number): Promise<Extract<FromWorker, { type: 'neighbours' }>> {
    return this.request((id) => ({ type: 'queryNeighbours', id, word, k }), 'neighbours');
  }

  /** Throw the worker away and start a clean one (cancels work that cannot be interrupted, e.g. tokenizing). */
  restart(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('cancelled'));
    this.pending.clear();
    this.worker = this.spawn();
  }

  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}
