import { describe, expect, it } from 'vitest';
import { CAPTION_WORDS, captionOf, captionTokens, parseCaption } from '../../src/core/multimodal/captions';
import { allAttributeCombinations, COLOURS, POSITIONS, SHAPES, SIZES } from '../../src/core/multimodal/sceneAttributes';

describe('captions', () => {
  it('says a scene in one sentence', () => {
    expect(captionOf({ shape: 'triangle', colour: 'red', size: 'small', position: 'left' })).toBe('a small red triangle on the left');
    expect(captionOf({ shape: 'cross', colour: 'white', size: 'large', position: 'middle' })).toBe('a large white cross in the middle');
  });

  it('covers the grammar: one distinct caption per combination, each parsed back to its attributes', () => {
    const combos = allAttributeCombinations();
    expect(combos.length).toBe(SHAPES.length * COLOURS.length * SIZES.length * POSITIONS.length);
    const captions = combos.map(captionOf);
    expect(new Set(captions).size).toBe(combos.length);
    combos.forEach((c, i) => expect(parseCaption(captions[i]!)).toEqual(c));
    // Every vocabulary word is used by some caption, and every caption word is in the vocabulary.
    const used = new Set(captions.flatMap(captionTokens));
    expect([...used].sort()).toEqual([...CAPTION_WORDS].sort());
  });

  it('reads typed text loosely but refuses what is not a caption', () => {
    expect(parseCaption('  A Large BLUE circle, at the TOP! ')).toEqual({ shape: 'circle', colour: 'blue', size: 'large', position: 'top' });
    expect(parseCaption('a red triangle on the left')).toBeNull(); // no size
    expect(parseCaption('a small red blue triangle on the left')).toBeNull(); // two colours
    expect(parseCaption('a small red triangle')).toBeNull(); // no place
    expect(parseCaption('')).toBeNull();
  });

  it('tokenizes to lower-case words only', () => {
    expect(captionTokens('Red-triangle, LEFT!')).toEqual(['red', 'triangle', 'left']);
  });
});
