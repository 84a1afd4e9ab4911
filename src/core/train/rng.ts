// A small, fast, seedable random number generator (xoshiro128**, seeded through splitmix32). Pure 32-bit integer
// arithmetic (Math.imul, shifts), so the same seed gives the same stream in Node, browsers and workers alike.

/** 2^-32: turns a uint32 into a float in [0, 1). */
const INV_2_32 = 1 / 4294967296;
/** splitmix32's golden-ratio increment, used only to spread the seed over the 128-bit state. */
const GOLDEN_32 = 0x9e3779b9;

export class Rng {
  // The 128-bit state as four int32 words. Public so hot loops can copy it into locals and write it back.
  s0 = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;

  constructor(seed: number) {
    this.reseed(seed);
  }

  /** Reset the stream to the one a fresh `new Rng(seed)` would give. Any number is accepted (its low 32 bits and,
   *  for non-integers or large values, a hash of its float bits). */
  reseed(seed: number): void {
    let x = seedToU32(seed);
    const next = (): number => {
      // splitmix32 (Vigna): a well-mixed output for every input, including 0.
      x = (x + GOLDEN_32) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** A uniform integer in [0, 2^32). */
  nextU32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    const t = s1 << 9;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = rotl(n3, 11);
    return r >>> 0;
  }

  /** A uniform float in [0, 1) with 32 random bits. */
  nextFloat(): number {
    return this.nextU32() * INV_2_32;
  }

  /** A uniform integer in [0, n) for 1 <= n <= 2^32 (multiply-and-floor; the bias is below n / 2^32). */
  nextInt(n: number): number {
    return Math.floor(this.nextU32() * INV_2_32 * n);
  }

  /** An independent generator derived from this one (for per-thread streams). */
  fork(): Rng {
    return new Rng(this.nextU32() ^ Math.imul(this.nextU32(), GOLDEN_32));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function seedToU32(seed: number): number {
  if (Number.isInteger(seed) && Math.abs(seed) < 2 ** 53) {
    // Fold the high bits in so that seeds 1 and 2^32 + 1 differ.
    const hi = Math.floor(seed / 4294967296);
    return (seed ^ Math.imul(hi, GOLDEN_32)) | 0;
  }
  const f = new Float64Array([seed]);
  const w = new Int32Array(f.buffer);
  return (w[0] ^ Math.imul(w[1], GOLDEN_32)) | 0;
}
