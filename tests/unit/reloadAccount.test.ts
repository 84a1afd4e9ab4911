// What the lab says after a reload, and when leaving the page would lose training (src/state/reloadAccount.ts).
import { describe, expect, it } from 'vitest';
import { hasUnsavedTraining, isReload, reloadAccount } from '../../src/state/reloadAccount';

describe('reload account', () => {
  it('knows a reload from a fresh visit', () => {
    expect(isReload({ type: 'reload' })).toBe(true);
    expect(isReload({ type: 'navigate' })).toBe(false);
    expect(isReload(undefined)).toBe(false);
  });
  it('says the settings came back and the model did not; asks for an own text again', () => {
    expect(reloadAccount(false)).toMatch(/settings came back from the link, but a model that was training is not restored/);
    expect(reloadAccount(false)).not.toMatch(/own text/);
    expect(reloadAccount(true)).toMatch(/Your own text is not in the link either: choose the \.txt file again/);
  });
  it('guards training that is newer than the last save', () => {
    expect(hasUnsavedTraining({ modelSource: 'training', wordsDone: 500, savedAtWords: null })).toBe(true);
    expect(hasUnsavedTraining({ modelSource: 'training', wordsDone: 500, savedAtWords: 500 })).toBe(false);
    expect(hasUnsavedTraining({ modelSource: 'training', wordsDone: 900, savedAtWords: 500 })).toBe(true);
    expect(hasUnsavedTraining({ modelSource: 'saved', wordsDone: 900, savedAtWords: null })).toBe(false);
    expect(hasUnsavedTraining({ modelSource: 'training', wordsDone: 0, savedAtWords: null })).toBe(false);
  });
});
