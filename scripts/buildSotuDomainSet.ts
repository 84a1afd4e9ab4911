// Builds data/eval/sotu-domain.txt: analogy questions about the State of the Union addresses' own subject matter
// (government, its offices and institutions, foreign relations, public finance), the test of domain fine-tuning.
// The relations below are facts of English (a noun and its adjective, a noun and its plural, a country and its
// people's adjective, an office and the body it sits in); the words are chosen from what the addresses talk about,
// and only pairs whose words occur at least MIN_COUNT times in BOTH sotu.txt and brown.txt are kept, so that vectors
// trained on either corpus alone, or on one then the other, can all be asked every question.
// Run: npx tsx scripts/buildSotuDomainSet.ts   (after npm run corpora; deterministic)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** word2vec's default min_count, which the shipped and compared models use. */
const MIN_COUNT = 5;
/** Pairs kept per section, the most frequent in SOTU first: at most 20 x 19 questions per section. */
const MAX_PAIRS = 20;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/eval/sotu-domain.txt');

const SECTIONS: { name: string; pairs: string }[] = [
  {
    name: 'sotu-institution-adjective',
    pairs:
      'nation national, constitution constitutional, congress congressional, commerce commercial, industry industrial, ' +
      'agriculture agricultural, economy economic, finance financial, politics political, legislation legislative, ' +
      'president presidential, administration administrative, education educational, navy naval, territory territorial, ' +
      'region regional, continent continental, tradition traditional, nature natural, culture cultural, science scientific, ' +
      'diplomacy diplomatic, history historical, society social, office official, government governmental, revolution revolutionary, ' +
      'budget budgetary, money monetary, federation federal, republic republican, democracy democratic',
  },
  {
    name: 'sotu-country-adjective',
    pairs:
      'mexico mexican, spain spanish, britain british, france french, germany german, russia russian, china chinese, ' +
      'japan japanese, cuba cuban, italy italian, canada canadian, india indian, israel israeli, egypt egyptian, ' +
      'iran iranian, iraq iraqi, korea korean, vietnam vietnamese, greece greek, turkey turkish, poland polish, ' +
      'europe european, america american, africa african, asia asian, england english, ireland irish, holland dutch',
  },
  {
    name: 'sotu-plural',
    pairs:
      'treaty treaties, tariff tariffs, tax taxes, department departments, senator senators, state states, ' +
      'territory territories, citizen citizens, soldier soldiers, vessel vessels, appropriation appropriations, officer officers, ' +
      'program programs, law laws, nation nations, budget budgets, bank banks, loan loans, duty duties, claim claims, ' +
      'measure measures, policy policies, power powers, right rights, war wars, army armies, ship ships, port ports, ' +
      'colony colonies, republic republics, government governments, ally allies, worker workers, farmer farmers, ' +
      'veteran veterans, employee employees, industry industries, weapon weapons, debt debts, bond bonds, ' +
      'expenditure expenditures, revenue revenues, agency agencies, court courts, commission commissions, official officials',
  },
  {
    name: 'sotu-office-body',
    pairs:
      'senator senate, representative house, admiral navy, general army, justice court, ambassador embassy, ' +
      'governor state, mayor city, consul consulate, secretary department, commissioner commission, ' +
      'judge court, minister ministry, legislator legislature, delegate convention, juror jury',
  },
];

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function main(): void {
  const paths = ['sotu', 'brown'].map((c) => join(ROOT, `public/corpora/${c}.txt`));
  for (const p of paths) if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run corpora\` first`);
  const [sotu, brown] = paths.map((p) => countWords(readFileSync(p, 'utf8')));
  const known = (w: string) => (sotu!.get(w) ?? 0) >= MIN_COUNT && (brown!.get(w) ?? 0) >= MIN_COUNT;
  const lines = [
    '# SOTU-domain analogies for domain fine-tuning (scripts/buildSotuDomainSet.ts): every word occurs at least',
    `# ${MIN_COUNT} times in both public/corpora/sotu.txt and public/corpora/brown.txt.`,
  ];
  let total = 0;
  for (const s of SECTIONS) {
    const pairs = s.pairs.split(',').map((p) => p.trim().split(/\s+/) as [string, string]);
    const kept = pairs
      .filter(([a, b]) => known(a) && known(b))
      .sort((x, y) => Math.min(sotu!.get(y[0])!, sotu!.get(y[1])!) - Math.min(sotu!.get(x[0])!, sotu!.get(x[1])!))
      .slice(0, MAX_PAIRS);
    lines.push(`: ${s.name}`);
    for (const [a, b] of kept) for (const [c, d] of kept) if (a !== c && b !== d) lines.push(`${a} ${b} ${c} ${d}`);
    const n = kept.length * (kept.length - 1);
    total += n;
    process.stderr.write(`${s.name}: ${kept.length} of ${pairs.length} pairs kept, about ${n} questions\n`);
  }
  writeFileSync(OUT, lines.join('\n') + '\n');
  process.stderr.write(`wrote ${OUT} (${total} questions at most)\n`);
}

main();
