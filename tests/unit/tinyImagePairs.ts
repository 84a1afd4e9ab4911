// Tiny image-caption pairs for tests of image-text models (the trainer's own tests and the conformance suite).
import type { ImageCaptionPairs } from '../../src/core/models/types';

/** 8x8 pictures: one colour filling one half, named by the caption ("red left"). Small enough for tfjs's cpu backend. */
export function tinyPairs(): ImageCaptionPairs {
  const colours: Record<string, number[]> = { red: [220, 30, 30], green: [30, 200, 30], blue: [30, 60, 230], white: [230, 230, 230] };
  const images: ImageCaptionPairs['images'][number][] = [];
  const captions: string[] = [];
  for (const [name, rgb] of Object.entries(colours)) {
    for (const side of ['left', 'right']) {
      for (let copy = 0; copy < 2; copy++) {
        const rgba = new Uint8ClampedArray(8 * 8 * 4);
        for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) {
          const on = side === 'left' ? x < 4 : x >= 4;
          const o = (y * 8 + x) * 4;
          rgba.set(on ? [rgb[0]! - copy * 10, rgb[1]!, rgb[2]!, 255] : [20, 20, 20, 255], o);
        }
        images.push({ width: 8, height: 8, rgba });
        captions.push(`a ${name} ${side}`);
      }
    }
  }
  return { images, captions };
}
