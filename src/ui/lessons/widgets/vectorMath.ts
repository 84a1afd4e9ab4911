// What the lesson widgets import for vectors: the maths lives in the core (src/core/vectors/vectorMath.ts, tested
// in tests/unit/vectorMath.test.ts); number formatting for display stays here with the page.
export { cosVec, dotRows, dotVec, meanOf, normVec, sigmoid } from '../../../core/vectors/vectorMath';

export const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
