import { describe, expect, it } from 'vitest';
import { rankOfTrue, recallAtK, topK } from '../../src/core/multimodal/recall';

// Three captions and three images in 2-D: caption 0 is closest to its image 0; captions 1 and 2 each prefer another image.
const T = new Float32Array([1, 0, 0, 1, -1, 0]);
const I = new Float32Array([1, 0, -1, 0.1, 0.2, 1]);

describe('recall@k', () => {
  it('ranks the true partner among the gallery', () => {
    expect(rankOfTrue(T, I, 2, 0, 3)).toBe(0);
    expect(rankOfTrue(T, I, 2, 1, 3)).toBe(1); // image 2 (1.0) beats image 1 (0.1)
    expect(rankOfTrue(T, I, 2, 2, 3)).toBe(1); // image 1 (1.0) beats image 2 (-0.2)
  });

  it('counts hits per k both ways, with chance k / gallery', () => {
    const r = recallAtK(T, I, 2, undefined, [1, 2]);
    expect(r.textToImage).toEqual([1 / 3, 1]);
    expect(r.chance).toEqual([1 / 3, 2 / 3]);
    expect(r.gallery).toBe(3);
    const sub = recallAtK(T, I, 2, [1], [1, 2]);
    expect(sub.queries).toBe(1);
    expect(sub.textToImage).toEqual([0, 1]);
  });

  it('counts a tie against the true partner', () => {
    const same = new Float32Array([1, 0, 1, 0]);
    expect(recallAtK(same, same, 2, undefined, [1]).textToImage).toEqual([0]);
  });

  it('refuses galleries of different sizes', () => {
    expect(() => recallAtK(T, I.subarray(0, 4), 2)).toThrow(/3 captions but 2 images/);
  });

  it('lists the top k best first', () => {
    expect(topK(new Float32Array([0, 1]), I, 2, 2).map((x) => x.index)).toEqual([2, 1]);
  });
});
