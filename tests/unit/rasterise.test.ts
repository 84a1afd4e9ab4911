import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/train/rng';
import { BACKGROUND, COLOUR_RGB, exactScene, IMAGE_SIZE, insideShape, jitteredScene, rasterise } from '../../src/core/multimodal/rasterise';
import { allAttributeCombinations, SHAPES } from '../../src/core/multimodal/sceneAttributes';

const px = (img: { rgba: Uint8ClampedArray; width: number }, x: number, y: number) => Array.from(img.rgba.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('rasterise', () => {
  it('draws a known scene: a large red circle in the middle', () => {
    const img = rasterise(exactScene({ shape: 'circle', colour: 'red', size: 'large', position: 'middle' }));
    expect(img.width).toBe(IMAGE_SIZE);
    expect(img.rgba.length).toBe(IMAGE_SIZE * IMAGE_SIZE * 4);
    // Centre (16, 16), radius 8: pixel (16,16) is inside, (16, 9) is 6.5 from the centre (inside), (16, 7) is 8.5 (outside).
    expect(px(img, 16, 16)).toEqual([...COLOUR_RGB.red, 255]);
    expect(px(img, 16, 9)).toEqual([...COLOUR_RGB.red, 255]);
    expect(px(img, 16, 7)).toEqual([...BACKGROUND, 255]);
    expect(px(img, 0, 0)).toEqual([...BACKGROUND, 255]);
    // A disc of radius 8 covers about pi * 64 = 201 pixels.
    let red = 0;
    for (let i = 0; i < img.rgba.length; i += 4) if (img.rgba[i] === COLOUR_RGB.red[0]) red++;
    expect(red).toBeGreaterThan(190);
    expect(red).toBeLessThan(212);
  });

  it('puts "left" in the left half and "top" in the top half', () => {
    const left = rasterise(exactScene({ shape: 'square', colour: 'white', size: 'small', position: 'left' }));
    const top = rasterise(exactScene({ shape: 'square', colour: 'white', size: 'small', position: 'top' }));
    const centroid = (img: typeof left) => {
      let sx = 0, sy = 0, n = 0;
      for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (img.rgba[(y * img.width + x) * 4] !== BACKGROUND[0]) { sx += x; sy += y; n++; }
      return [sx / n, sy / n];
    };
    expect(centroid(left)[0]).toBeLessThan(IMAGE_SIZE / 2 - 4);
    expect(centroid(top)[1]).toBeLessThan(IMAGE_SIZE / 2 - 4);
  });

  it('tells the shapes apart: each pair differs at some pixel of one scene', () => {
    const masks = SHAPES.map((shape) => rasterise(exactScene({ shape, colour: 'blue', size: 'large', position: 'middle' })).rgba.join());
    expect(new Set(masks).size).toBe(SHAPES.length);
  });

  it('points a triangle up: wide at the base, a point at the top', () => {
    expect(insideShape('triangle', 7, 7.5, 8)).toBe(true);
    expect(insideShape('triangle', 3, -7, 8)).toBe(false);
    expect(insideShape('triangle', 0, -7.5, 8)).toBe(true);
  });

  it('jitters with the seed: same seed, same pixels; another seed, other pixels; never off the canvas', () => {
    const a = allAttributeCombinations()[17]!;
    const one = rasterise(jitteredScene(a, new Rng(5))).rgba;
    expect(rasterise(jitteredScene(a, new Rng(5))).rgba).toEqual(one);
    expect(rasterise(jitteredScene(a, new Rng(6))).rgba).not.toEqual(one);
    const rng = new Rng(1);
    for (const c of allAttributeCombinations()) {
      const s = jitteredScene(c, rng);
      // Every shape keeps at least a few pixels on the image (large ones at the edges are cut, never lost).
      const img = rasterise(s);
      let n = 0;
      for (let i = 0; i < img.rgba.length; i += 4) if (img.rgba[i] !== BACKGROUND[0] || img.rgba[i + 1] !== BACKGROUND[1]) n++;
      expect(n, `${c.size} ${c.colour} ${c.shape} ${c.position}`).toBeGreaterThan(15);
    }
  });
});
