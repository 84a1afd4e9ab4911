// The Brown documents as labelled token lists for the transfer experiment: cut by the shipped document index,
// tokenized the way the shipped vectors were trained (lower-cased words), and labelled with their genre group.
import { BROWN_GENRES, documentsFromIndex, type DocumentIndex } from '../search/documents';
import { DEFAULT_TOKENIZE, tokenize } from '../text/tokenize';
import { GENRE_GROUPS, groupOfGenre } from './genreGroups';

export interface LabelledDoc {
  id: string;
  /** Index into the class names. */
  label: number;
  tokens: string[];
  /** Index into `strata`: a finer grouping the held-out split keeps in proportion (Brown's fifteen genres). */
  stratum?: number;
}

export interface LabelledCollection {
  classes: readonly string[];
  docs: LabelledDoc[];
  /** Names of the finer groups the held-out split is stratified by; without them it is stratified by class. */
  strata?: readonly string[];
}

/** Brown's 500 documents, each labelled with one of the four genre groups; the held-out split keeps every one of
 *  the fifteen genres (even science fiction's six documents) on both sides. */
export function brownGenreDocs(corpusText: string, index: DocumentIndex): LabelledCollection {
  const letters = Object.keys(BROWN_GENRES);
  const docs = documentsFromIndex(corpusText, index).map((d) => ({
    id: d.id,
    label: groupOfGenre(d.genre, d.id),
    stratum: letters.indexOf(d.genre),
    tokens: d.sentences.flatMap((s) => tokenize(s, DEFAULT_TOKENIZE)),
  }));
  return { classes: GENRE_GROUPS, docs, strata: letters.map((g) => BROWN_GENRES[g]!) };
}
