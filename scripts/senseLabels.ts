// Sense labels for scripts/buildSenseSet.ts, assigned by the project by reading each picked sentence (keys are
// corpus:line). Two senses per word; where a word has more, the second label gathers the rest and says so. Some
// words are lopsided in the corpora (most "bank"s are money in the State of the Union addresses): the set keeps the
// sentences the seeded pick gave rather than choosing them by sense, so it shows the corpora as they are.
export interface SenseLabels {
  senses: Record<string, string>;
  labels: Record<string, string>;
}

const lines = (sense: string, keys: string): Record<string, string> => Object.fromEntries(keys.trim().split(/\s+/).map((k) => [k, sense]));

export const SENSE_LABELS: Record<string, SenseLabels> = {
  bank: {
    senses: { money: 'a bank that holds money (also the World Bank)', land: 'the land beside a river' },
    labels: {
      ...lines('land', 'brown:39191 brown:41165'),
      ...lines('money', 'sotu:6398 sotu:4892 sotu:56279 sotu:5246 sotu:6400 sotu:5949 sotu:5717 sotu:59880 sotu:9323 sotu:6980 sotu:50523 sotu:50521 sotu:6981 sotu:5482 sotu:45369 brown:23886 sotu:9308 brown:2821'),
    },
  },
  interest: {
    senses: { money: 'money paid for the use of money (interest rates)', concern: 'curiosity, attention, or a stake (the national interest)' },
    labels: {
      ...lines('money', 'brown:34043 sotu:20333 brown:27400 brown:4434'),
      ...lines('concern', 'brown:25124 brown:4505 brown:18577 brown:39637 sotu:6551 sotu:1811 brown:13481 sotu:60082 brown:13495 sotu:700 brown:33809 sotu:46589 sotu:14822 sotu:17323 sotu:13975 brown:16827'),
    },
  },
  party: {
    senses: { politics: 'a political party or faction', people: 'a gathering, or one side of an agreement or dispute' },
    labels: {
      ...lines('politics', 'sotu:48546 brown:445 brown:23843 brown:53003 sotu:62989 sotu:16770 brown:5280 brown:23799 brown:448 brown:7351 brown:583 brown:6400 sotu:12665 brown:33813'),
      ...lines('people', 'brown:46467 brown:23954 sotu:3166 brown:662 brown:56191 brown:42077'),
    },
  },
  plant: {
    senses: { factory: 'a factory, works or productive plant', living: 'a living plant, or the verb to plant' },
    labels: {
      ...lines('living', 'sotu:34437 brown:5338'),
      ...lines('factory', 'brown:29947 brown:55995 brown:25185 sotu:43584 brown:36755 brown:16612 brown:35580 brown:5329 brown:14519 brown:43223 brown:14505 brown:4473 brown:14452 brown:33897 sotu:34303 brown:29952 brown:29963 brown:29928'),
    },
  },
  state: {
    senses: { polity: 'a nation, one of the United States, or the government (the State Department)', condition: 'a condition (a state of mind)' },
    labels: {
      ...lines('condition', 'brown:24019 brown:41896 sotu:2045 sotu:2442'),
      ...lines('polity', 'sotu:55167 brown:37226 brown:6268 brown:19829 sotu:5566 sotu:36556 sotu:36552 sotu:11188 brown:795 sotu:39145 brown:18159 sotu:43193 sotu:10265 sotu:16858 brown:4795 sotu:8522'),
    },
  },
  right: {
    senses: { correct: 'correct, fitting or morally right', other: 'any other right: one someone has, right now or right on, a right angle' },
    labels: {
      ...lines('correct', 'brown:4535 sotu:59177 sotu:59390 sotu:61035 sotu:46068 sotu:42017 sotu:28036 brown:33174 sotu:43253 sotu:55916 sotu:53275'),
      ...lines('other', 'sotu:59904 sotu:16098 sotu:52817 sotu:61108 brown:29102 brown:30653 brown:25129 brown:56864 sotu:61631'),
    },
  },
  order: {
    senses: { purpose: 'in order to, in order that', other: 'any other order: a command, a sequence, a social order' },
    labels: {
      ...lines('purpose', 'sotu:35927 brown:305 sotu:35910 sotu:36659 brown:19627 brown:14477 brown:27058'),
      ...lines('other', 'sotu:48139 sotu:20938 sotu:14570 brown:26182 sotu:50018 sotu:21411 sotu:38293 sotu:48656 brown:41072 brown:22577 sotu:14907 brown:11835 sotu:33764'),
    },
  },
  play: {
    senses: { theatre: 'a play for the stage', act: 'to play a game, music or a part, or a move in a game' },
    labels: {
      ...lines('theatre', 'brown:42359 brown:25445'),
      ...lines('act', 'brown:20643 brown:1314 brown:52469 brown:2003 brown:21529 brown:1056 brown:27008 sotu:32777 brown:4067 brown:16076 sotu:39146 sotu:51582 brown:20565 brown:51357 sotu:32111 sotu:47086 brown:1449 brown:3537'),
    },
  },
};
