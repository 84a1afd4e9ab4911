// A flat, reusable quadtree over 2-D points for Barnes-Hut repulsion. Nodes live in typed arrays that grow as
// needed and are reused between iterations, so a step allocates nothing once warmed up.

/** Deeper than this, coincident points share a leaf instead of splitting forever. */
const MAX_DEPTH = 48;
const NO_CHILD = -1;
/** A leaf that holds no point yet. */
const EMPTY = -1;

export class QuadTree {
  private cap = 0;
  private count = 0;
  cx = new Float64Array(0);
  cy = new Float64Array(0);
  half = new Float64Array(0);
  comX = new Float64Array(0);
  comY = new Float64Array(0);
  mass = new Float64Array(0);
  child = new Int32Array(0); // 4 per node, NO_CHILD for a leaf
  point = new Int32Array(0); // the point in a leaf, EMPTY if none
  private stack = new Int32Array(0);
  private y: Float64Array = new Float64Array(0);

  get nodes(): number {
    return this.count;
  }

  build(y: Float64Array, n: number): void {
    this.ensure(Math.max(16, 4 * n + 16));
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = y[2 * i], b = y[2 * i + 1];
      if (a < minX) minX = a;
      if (a > maxX) maxX = a;
      if (b < minY) minY = b;
      if (b > maxY) maxY = b;
    }
    this.count = 0;
    this.y = y;
    const half = Math.max(maxX - minX, maxY - minY) / 2 + 1e-5;
    this.newNode((minX + maxX) / 2, (minY + maxY) / 2, half);
    for (let i = 0; i < n; i++) this.insert(i, y[2 * i], y[2 * i + 1]);
  }

  private newNode(cx: number, cy: number, half: number): number {
    if (this.count >= this.cap) this.ensure(this.cap * 2);
    const k = this.count++;
    this.cx[k] = cx;
    this.cy[k] = cy;
    this.half[k] = half;
    this.comX[k] = 0;
    this.comY[k] = 0;
    this.mass[k] = 0;
    this.child[4 * k] = NO_CHILD;
    this.child[4 * k + 1] = NO_CHILD;
    this.child[4 * k + 2] = NO_CHILD;
    this.child[4 * k + 3] = NO_CHILD;
    this.point[k] = EMPTY;
    return k;
  }

  private insert(i: number, x: number, y: number): void {
    let node = 0;
    for (let depth = 0; ; depth++) {
      // Update the running centre of mass on the way down.
      const m = this.mass[node] + 1;
      this.comX[node] += (x - this.comX[node]) / m;
      this.comY[node] += (y - this.comY[node]) / m;
      this.mass[node] = m;
      if (this.child[4 * node] === NO_CHILD) {
        if (m === 1) {
          this.point[node] = i;
          return;
        }
        if (depth >= MAX_DEPTH) return; // coincident points: keep them together in this leaf
        // Split: push the resident point one level down, then continue inserting i.
        const resident = this.point[node];
        this.point[node] = EMPTY;
        this.subdivide(node);
        if (resident !== EMPTY) {
          const rx = this.y[2 * resident];
          const ry = this.y[2 * resident + 1];
          const c = this.childFor(node, rx, ry);
          this.mass[c] = 1;
          this.comX[c] = rx;
          this.comY[c] = ry;
          this.point[c] = resident;
        }
      }
      node = this.childFor(node, x, y);
    }
  }

  private subdivide(node: number): void {
    const h = this.half[node] / 2;
    const cx = this.cx[node];
    const cy = this.cy[node];
    // newNode may grow (and replace) the arrays, so read nothing cached across these calls.
    const a = this.newNode(cx - h, cy - h, h);
    const b = this.newNode(cx + h, cy - h, h);
    const c = this.newNode(cx - h, cy + h, h);
    const d = this.newNode(cx + h, cy + h, h);
    this.child[4 * node] = a;
    this.child[4 * node + 1] = b;
    this.child[4 * node + 2] = c;
    this.child[4 * node + 3] = d;
  }

  private childFor(node: number, x: number, y: number): number {
    const q = (x >= this.cx[node] ? 1 : 0) + (y >= this.cy[node] ? 2 : 0);
    return this.child[4 * node + q];
  }

  /** Sums over the tree for point i at (x, y): fx, fy = sum q^2 (y_i - y_cell) * mass, z = sum q * mass. */
  repulsion(i: number, x: number, y: number, theta: number, out: { fx: number; fy: number; z: number }): void {
    let fx = 0, fy = 0, z = 0;
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    const theta2 = theta * theta;
    while (top > 0) {
      const node = stack[--top];
      let m = this.mass[node];
      if (m === 0) continue;
      const leaf = this.child[4 * node] === NO_CHILD;
      if (leaf && this.point[node] === i) {
        if (m === 1) continue;
        m -= 1; // coincident points sharing i's leaf
      }
      const dx = x - this.comX[node];
      const dy = y - this.comY[node];
      const d2 = dx * dx + dy * dy;
      const size = 2 * this.half[node];
      if (leaf || size * size < theta2 * d2) {
        const q = 1 / (1 + d2);
        z += m * q;
        const mq2 = m * q * q;
        fx += mq2 * dx;
        fy += mq2 * dy;
      } else {
        const base = 4 * node;
        stack[top++] = this.child[base];
        stack[top++] = this.child[base + 1];
        stack[top++] = this.child[base + 2];
        stack[top++] = this.child[base + 3];
      }
    }
    out.fx = fx;
    out.fy = fy;
    out.z = z;
  }

  private ensure(cap: number): void {
    if (cap <= this.cap) return;
    const grow = <T extends Float64Array | Int32Array>(old: T, size: number): T => {
      const next = (old instanceof Float64Array ? new Float64Array(size) : new Int32Array(size)) as T;
      next.set(old.subarray(0, Math.min(old.length, size)));
      return next;
    };
    this.cx = grow(this.cx, cap);
    this.cy = grow(this.cy, cap);
    this.half = grow(this.half, cap);
    this.comX = grow(this.comX, cap);
    this.comY = grow(this.comY, cap);
    this.mass = grow(this.mass, cap);
    this.child = grow(this.child, 4 * cap);
    this.point = grow(this.point, cap);
    this.stack = new Int32Array(4 * MAX_DEPTH * 4 + 3 * cap + 16);
    this.cap = cap;
  }
}
