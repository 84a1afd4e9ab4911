// The sense game's arithmetic: a student labels the occurrences of an ambiguous word with senses; how well do the
// contextual vectors separate the student's senses (the same pair AUC the bench reports for the project's labels),
// and how often does the student agree with the project's labels? Pure, so the page and its tests agree.
import { senseAuc } from './senseAuc';

/** The label of an occurrence the student has not decided on. */
export const UNDECIDED = '';

export interface SenseGameScore {
  /** Occurrences the student labelled. */
  labelled: number;
  /** Pair AUC of the student's labels on the labelled occurrences (NaN until two senses have two members between them). */
  aucOfStudent: number;
  /** Pair AUC of the project's labels on all occurrences. */
  aucOfProject: number;
  /** Labelled occurrences where the student and the project chose the same sense. */
  agreed: number;
}

export function scoreSenseGame(vectors: readonly Float32Array[], student: readonly string[], project: readonly string[]): SenseGameScore {
  if (vectors.length !== student.length || vectors.length !== project.length) {
    throw new Error(`the sense game needs one label per occurrence (${vectors.length} vectors, ${student.length} and ${project.length} labels)`);
  }
  const picked = student.map((s, i) => (s === UNDECIDED ? -1 : i)).filter((i) => i >= 0);
  return {
    labelled: picked.length,
    aucOfStudent: senseAuc(picked.map((i) => vectors[i]!), picked.map((i) => student[i]!)),
    aucOfProject: senseAuc(vectors, project),
    agreed: picked.filter((i) => student[i] === project[i]).length,
  };
}
