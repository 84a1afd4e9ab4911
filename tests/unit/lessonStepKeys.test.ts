import { describe, expect, it } from 'vitest';
import { currentStep, stepAfterKey } from '../../src/ui/lessons/stepKeys';

describe('lesson step keys', () => {
  it('reads the step from the hash, not from the last render', () => {
    expect(currentStep('#/lessons/properties/3', 'properties', 5, 0)).toBe(2);
    // Another lesson, a step out of range or no step: the rendered step stands.
    expect(currentStep('#/lessons/other/3', 'properties', 5, 1)).toBe(1);
    expect(currentStep('#/lessons/properties/9', 'properties', 5, 1)).toBe(1);
    expect(currentStep('#/lessons/properties', 'properties', 5, 4)).toBe(4);
    expect(currentStep('#/lab', 'properties', 5, 4)).toBe(4);
  });

  it('turns pages within the lesson and stops at both ends', () => {
    expect(stepAfterKey('ArrowRight', 1, 5)).toBe(2);
    expect(stepAfterKey('ArrowLeft', 1, 5)).toBe(0);
    expect(stepAfterKey('ArrowLeft', 0, 5)).toBeUndefined();
    expect(stepAfterKey('ArrowRight', 4, 5)).toBeUndefined();
    expect(stepAfterKey('Enter', 2, 5)).toBeUndefined();
  });

  it('two presses in one task compose: right then left from step 2 ends on step 2', () => {
    let hash = '#/lessons/properties/2';
    const rendered = 1; // React has not re-rendered between the two presses
    for (const key of ['ArrowRight', 'ArrowLeft']) {
      const to = stepAfterKey(key, currentStep(hash, 'properties', 5, rendered), 5);
      if (to !== undefined) hash = `#/lessons/properties/${to + 1}`;
    }
    expect(hash).toBe('#/lessons/properties/2');
  });
});
