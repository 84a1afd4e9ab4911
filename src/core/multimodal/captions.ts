// The caption grammar: "a small red triangle on the left". One template, four slots, each filled by exactly one word
// or phrase, so that a caption names every attribute of its scene and a parser can read the attributes back.
import { COLOURS, POSITIONS, SHAPES, SIZES, type Position, type SceneAttributes } from './sceneAttributes';

/** How each position is said. */
export const POSITION_PHRASE: Record<Position, string> = {
  left: 'on the left',
  right: 'on the right',
  top: 'at the top',
  bottom: 'at the bottom',
  middle: 'in the middle',
};

export function captionOf(a: SceneAttributes): string {
  return `a ${a.size} ${a.colour} ${a.shape} ${POSITION_PHRASE[a.position]}`;
}

/** Lower-case words, punctuation dropped: how both the grammar's captions and what a student types are read. */
export function captionTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0);
}

/** Every word the grammar can produce, in a fixed order: the text encoder's vocabulary. */
export const CAPTION_WORDS: readonly string[] = [
  ...new Set(['a', ...SIZES, ...COLOURS, ...SHAPES, ...Object.values(POSITION_PHRASE).flatMap((p) => captionTokens(p))]),
];

/** The attributes a caption states, or null when it is not a caption of the grammar (a missing or doubled slot). */
export function parseCaption(text: string): SceneAttributes | null {
  const words = captionTokens(text);
  const one = <T extends string>(options: readonly T[]): T | null => {
    const found = options.filter((o) => words.includes(o));
    return found.length === 1 ? found[0]! : null;
  };
  const shape = one(SHAPES);
  const colour = one(COLOURS);
  const size = one(SIZES);
  const joined = ` ${words.join(' ')} `;
  const positions = POSITIONS.filter((p) => joined.includes(` ${POSITION_PHRASE[p]} `));
  if (!shape || !colour || !size || positions.length !== 1) return null;
  return { shape, colour, size, position: positions[0]! };
}
