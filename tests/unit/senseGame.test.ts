// The sense game's scores on hand-made vectors: the student's AUC counts only labelled occurrences, agreement
// counts matches with the project's labels, and mismatched lengths are refused.
import { describe, expect, it } from 'vitest';
import { scoreSenseGame, UNDECIDED } from '../../src/core/models/contextual/senseGame';

const v = (...xs: number[]) => Float32Array.from(xs);
// Two tight groups: a and b point one way, c and d another.
const VECTORS = [v(1, 0), v(0.9, 0.1), v(0, 1), v(0.1, 0.9)];
const PROJECT = ['money', 'money', 'land', 'land'];

describe('sense game', () => {
  it('a labelling that follows the groups scores AUC 1 and full agreement', () => {
    const s = scoreSenseGame(VECTORS, PROJECT, PROJECT);
    expect(s).toEqual({ labelled: 4, aucOfStudent: 1, aucOfProject: 1, agreed: 4 });
  });

  it('a labelling across the groups scores below one half', () => {
    const s = scoreSenseGame(VECTORS, ['money', 'land', 'money', 'land'], PROJECT);
    expect(s.aucOfStudent).toBeLessThan(0.5);
    expect(s.agreed).toBe(2);
  });

  it('undecided occurrences are left out of the student AUC, and one sense alone gives NaN', () => {
    const s = scoreSenseGame(VECTORS, ['money', UNDECIDED, 'land', UNDECIDED], PROJECT);
    expect(s.labelled).toBe(2);
    expect(s.aucOfStudent).toBeNaN(); // no same-sense pair among two occurrences of two senses
    expect(scoreSenseGame(VECTORS, ['money', 'money', UNDECIDED, UNDECIDED], PROJECT).aucOfStudent).toBeNaN();
  });

  it('refuses a label list of another length', () => {
    expect(() => scoreSenseGame(VECTORS, ['money'], PROJECT)).toThrow(/one label per occurrence/);
  });
});
