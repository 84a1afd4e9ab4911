// A trained (or loaded) image-text model: plain weights that answer "where in the shared space is this caption, this
// picture". Inference is plain TypeScript (dualForward.ts), so the model can be loaded, posted to a worker, saved or
// snapshotted mid-training without tfjs.
import type { DualModel } from '../types';
import { captionTokens } from '../../multimodal/captions';
import { bagsOf, pixelsToInput, type DualArchitecture, type NamedWeight } from './dualArchitecture';
import { encodeImagesJs, encodeTextsJs } from './dualForward';

export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

export class MultimodalModel implements DualModel {
  readonly kind = 'dual' as const;
  private readonly index: ReadonlyMap<string, number>;
  private readonly byName: ReadonlyMap<string, NamedWeight>;

  constructor(
    readonly arch: DualArchitecture,
    readonly weights: readonly NamedWeight[],
  ) {
    this.index = new Map(arch.words.map((w, i) => [w, i]));
    this.byName = new Map(weights.map((w) => [w.name, w]));
  }

  get dim(): number {
    return this.arch.dim;
  }

  /** Caption words this model has no vector for (they are left out of the caption's mean). */
  unknownWords(text: string): string[] {
    return bagsOf([text], this.index, captionTokens).unknown;
  }

  /** Unit vectors of the captions, row-major texts.length x dim (a caption of unknown words only gives zeros). */
  embedTexts(texts: readonly string[]): Float32Array {
    return encodeTextsJs(this.byName, this.arch, texts, this.index, captionTokens);
  }

  /** Unit vectors of the images, row-major images.length x dim. */
  embedImages(images: readonly Pixels[]): Float32Array {
    return encodeImagesJs(this.byName, this.arch, pixelsToInput(images, this.arch.imageSize), images.length);
  }

  embedText(text: string): Promise<Float32Array> {
    return Promise.resolve(this.embedTexts([text]));
  }

  embedImage(pixels: Pixels): Promise<Float32Array> {
    return Promise.resolve(this.embedImages([pixels]));
  }
}
