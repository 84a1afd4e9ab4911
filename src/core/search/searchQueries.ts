// Queries with known relevant documents, for measuring search on the Brown corpus: each query is a few words typical
// of one genre, written by this project, and every document of that genre counts as relevant. Genre is a coarse
// stand-in for relevance (a press report can match "god faith church" on its merits), so absolute scores are low for
// every method; what the lab reads is the difference between methods on the same queries, against chance.
export interface GenreQuery {
  query: string;
  /** The genre letter of the relevant documents (see BROWN_GENRES). */
  genre: string;
}

export const BROWN_GENRE_QUERIES: readonly GenreQuery[] = [
  { query: 'election campaign votes', genre: 'a' },
  { query: 'police arrested charged court', genre: 'a' },
  { query: 'mayor city council meeting', genre: 'a' },
  { query: 'we believe the nation must', genre: 'b' },
  { query: 'editorial opinion policy', genre: 'b' },
  { query: 'concert orchestra performance', genre: 'c' },
  { query: 'novel author book readers', genre: 'c' },
  { query: 'god faith church', genre: 'd' },
  { query: 'christ salvation sin', genre: 'd' },
  { query: 'prayer worship spirit', genre: 'd' },
  { query: 'garden soil plants', genre: 'e' },
  { query: 'boat engine water fishing', genre: 'e' },
  { query: 'cook recipe kitchen', genre: 'e' },
  { query: 'diet health doctors', genre: 'f' },
  { query: 'poet poetry literature', genre: 'g' },
  { query: 'philosophy art culture', genre: 'g' },
  { query: 'federal program funds', genre: 'h' },
  { query: 'department regulations agency', genre: 'h' },
  { query: 'tax revenue fiscal year', genre: 'h' },
  { query: 'theory data analysis', genre: 'j' },
  { query: 'cells tissue experiment', genre: 'j' },
  { query: 'equation function values', genre: 'j' },
  { query: 'she looked at him and smiled', genre: 'k' },
  { query: 'murder detective police', genre: 'l' },
  { query: 'gun killed body', genre: 'l' },
  { query: 'planet space earth', genre: 'm' },
  { query: 'horse rifle sheriff', genre: 'n' },
  { query: 'ranch cattle trail', genre: 'n' },
  { query: 'love kissed married', genre: 'p' },
  { query: 'heart darling eyes', genre: 'p' },
  { query: 'funny laugh joke', genre: 'r' },
];
