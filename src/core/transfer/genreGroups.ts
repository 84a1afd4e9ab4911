// Brown's fifteen genres folded into four classes for the transfer experiment. Two genres are too small to split:
// science fiction has 6 documents and humour 9, so a 15-way held-out set would hold one or two of them and a
// 15-document training set could not even contain each genre. The four groups follow the corpus's own plan (its
// manual divides "informative prose", A-J, from "imaginative prose", K-R) with informative prose cut in three.

/** Class names, in label order. */
export const GENRE_GROUPS = ['press', 'learned and government', 'general non-fiction', 'fiction'] as const;
export type GenreGroup = (typeof GENRE_GROUPS)[number];

/** Brown genre letter -> group index into GENRE_GROUPS. */
export const GENRE_TO_GROUP: Readonly<Record<string, number>> = {
  a: 0, // press: reportage
  b: 0, // press: editorial
  c: 0, // press: reviews
  h: 1, // government documents
  j: 1, // learned
  d: 2, // religion
  e: 2, // skill and hobbies
  f: 2, // popular lore
  g: 2, // belles-lettres
  k: 3, // general fiction
  l: 3, // mystery
  m: 3, // science fiction
  n: 3, // adventure
  p: 3, // romance
  r: 3, // humour (Brown files it under imaginative prose)
};

/** The group label of a Brown genre letter; an unknown letter is an error naming the document. */
export function groupOfGenre(genre: string, docId: string): number {
  const g = GENRE_TO_GROUP[genre];
  if (g === undefined) throw new RangeError(`document ${docId} has genre "${genre}", which is not one of Brown's fifteen`);
  return g;
}
