// Reading and updating rows of an embedding table on a tfjs backend, without tfjs's autodiff.
//
// Why not optimizer.minimize: its gradient of tf.gather is UnsortedSegmentSum, which the wasm backend lacks, and it
// would build a dense V x d gradient anyway. The row gradients of word2vec are simple, so the engine computes them
// itself and adds them here. Rows that occur several times in one batch (frequent words as noise, a centre with
// many contexts) must get the SUM of their updates, as they would over the same pairs in word2vec.c's sequential
// loop, never just the last one (which tensorScatterUpdate would keep).
//
// Two ways to add row deltas, chosen per backend (both tested for exactness on the cpu backend):
//  - 'scatter': table + scatterND(rows, deltas, [V, d]). scatterND sums duplicate indices. O(N*d + V*d) on cpu,
//    wasm and webgpu (atomic adds); but WebGL's scatter shader loops over all N updates for each of the V*d
//    outputs, O(V*N*d), hopeless for a real vocabulary.
//  - 'segment' (for WebGL): sort the N rows in JavaScript, gather the deltas in that order, take a cumulative sum,
//    and give every table row v the difference of two prefix sums, prefix[end_v] - prefix[start_v], through two
//    gathers with index arrays of length V (rows without updates get start = end = 0, a difference of exactly 0).
//    Only gathers, a cumsum, a concat and adds: O(N*d*log N + V*d), and 7 ops (shaders). Prefix-sum differences cost some float32 precision (about 1e-7 times the size of the
//    prefix, which is a random walk of updates), far below the updates themselves.
// Gathering rows: tf.gather on most backends; on wasm tf.gatherND is about 4x faster for whole rows (measured:
// 6,144 rows of 100 floats, 12 ms against 44 ms).
import * as tf from '@tensorflow/tfjs';

export type ScatterStrategy = 'scatter' | 'segment';

export interface RowOps {
  readonly strategy: ScatterStrategy;
  /** Rows `idx` (int32, shape [N]) of `table` ([V, d]) as [N, d]. */
  gather(table: tf.Tensor2D, idx: tf.Tensor1D): tf.Tensor2D;
  /** table + the sum of deltas[i] into row rows[i], for every i. `rowsTensor` is rows uploaded as int32 [N]. */
  addRows(table: tf.Tensor2D, rows: Int32Array, rowsTensor: tf.Tensor1D, deltas: tf.Tensor2D): tf.Tensor2D;
}

export function defaultStrategy(backend: string): ScatterStrategy {
  return backend === 'webgl' ? 'segment' : 'scatter';
}

export function createRowOps(backend: string, strategy: ScatterStrategy = defaultStrategy(backend)): RowOps {
  const gather =
    backend === 'wasm'
      ? (table: tf.Tensor2D, idx: tf.Tensor1D): tf.Tensor2D => tf.gatherND(table, tf.reshape(idx, [-1, 1])) as tf.Tensor2D
      : (table: tf.Tensor2D, idx: tf.Tensor1D): tf.Tensor2D => tf.gather(table, idx);
  if (strategy === 'scatter') {
    return {
      strategy,
      gather,
      addRows: (table, _rows, rowsTensor, deltas) =>
        tf.add(table, tf.scatterND(tf.reshape(rowsTensor, [-1, 1]), deltas, table.shape)) as tf.Tensor2D,
    };
  }
  const plans = new Map<string, SegmentPlan>();
  return {
    strategy,
    gather,
    addRows: (table, rows, _rowsTensor, deltas) => {
      const [V, d] = table.shape;
      const key = `${rows.length}x${V}`;
      let plan = plans.get(key);
      if (!plan) plans.set(key, (plan = new SegmentPlan(rows.length, V)));
      plan.build(rows);
      const sorted = tf.gather(deltas, tf.tensor1d(plan.order, 'int32'));
      // prefix[j] = the sum of the first j sorted rows (row 0 is zero).
      const prefix = tf.cumsum(tf.concat([tf.zeros([1, d]), sorted], 0), 0);
      const totals = tf.sub(
        tf.gather(prefix, tf.tensor1d(plan.endOf, 'int32')),
        tf.gather(prefix, tf.tensor1d(plan.startOf, 'int32')),
      );
      return tf.add(table, totals) as tf.Tensor2D;
    },
  };
}

/**
 * The index bookkeeping of the 'segment' strategy for N updates into V rows, reused from batch to batch. All arrays
 * have fixed lengths (N or V) so that the GPU sees the same shapes every step.
 */
export class SegmentPlan {
  /** Positions of the updates sorted by row. */
  readonly order: Int32Array;
  /** Table row v's updates are sorted positions [startOf[v], endOf[v]); rows without updates have 0 and 0. */
  readonly startOf: Int32Array;
  readonly endOf: Int32Array;
  /** Distinct rows in the last batch. */
  distinct = 0;
  private readonly keys: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    readonly n: number,
    readonly rows: number,
  ) {
    this.order = new Int32Array(n);
    this.startOf = new Int32Array(rows);
    this.endOf = new Int32Array(rows);
    this.keys = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  build(rowIds: Int32Array): void {
    const n = this.n;
    if (rowIds.length !== n) throw new Error(`SegmentPlan: expected ${n} row ids, got ${rowIds.length}.`);
    // Clear the previous batch's rows only (V can be much larger than N).
    for (let u = 0; u < this.distinct; u++) this.startOf[this.touched[u]] = this.endOf[this.touched[u]] = 0;
    // Sort (row, position) pairs packed into one exact float64 key: row * n + position.
    for (let i = 0; i < n; i++) {
      const r = rowIds[i];
      if (!(r >= 0 && r < this.rows)) throw new Error(`SegmentPlan: row ${r} out of range 0..${this.rows - 1}.`);
      this.keys[i] = r * n + i;
    }
    this.keys.sort();
    let u = 0;
    let prevRow = -1;
    for (let j = 0; j < n; j++) {
      const key = this.keys[j];
      const row = Math.floor(key / n);
      this.order[j] = key - row * n;
      if (row !== prevRow) {
        this.touched[u++] = row;
        this.startOf[row] = j;
        prevRow = row;
      }
      this.endOf[row] = j + 1;
    }
    this.distinct = u;
  }
}
