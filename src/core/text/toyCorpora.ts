// Tiny corpora written for step-by-step demos: few words, clear co-occurrence patterns, so that one can follow a
// single training pair and still see structure after a few hundred updates.

export interface ToyCorpus {
  title: string;
  description: string;
  text: string;
}

function repeat(lines: string[], times: number): string {
  const out: string[] = [];
  for (let i = 0; i < times; i++) out.push(...lines);
  return out.join('\n') + '\n';
}

export const TOY_CORPORA: Record<string, ToyCorpus> = {
  fruit: {
    title: 'Fruit and drinks',
    description: 'Two topics (fruit, drinks) that share verbs: a dozen words, clean clusters after a few epochs.',
    text: repeat(
      [
        'i eat apple', 'i eat orange', 'you eat banana', 'we eat apple', 'they eat orange and banana',
        'i drink juice', 'you drink milk', 'we drink water', 'they drink juice and milk', 'i drink water',
        'apple and orange are fruit', 'banana is fruit', 'juice and milk are drinks', 'water is drink',
      ],
      30,
    ),
  },
  royals: {
    title: 'Kings and queens',
    description: 'Gendered pairs in parallel sentences, for a first look at analogies on a toy scale.',
    text: repeat(
      [
        'the king rules the kingdom', 'the queen rules the kingdom', 'the man walks in the town',
        'the woman walks in the town', 'the king is a man', 'the queen is a woman', 'the prince is a boy',
        'the princess is a girl', 'the boy will be a man', 'the girl will be a woman',
        'the prince will be king', 'the princess will be queen', 'he is the king', 'she is the queen',
      ],
      40,
    ),
  },
};
