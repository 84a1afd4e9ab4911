// Claims of lessons/08-applications.md, section "Probing": the part-of-speech probe on the pinned vectors (the
// widget's defaults: the 5,000 most frequent tagged words, seeds 1-3), and on the Brown-only vectors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonText, shipped } from './shipped';
import { buildProbeDataset, parseTagLexicon } from '../../../src/core/probe/probeData';
import { runProbe } from '../../../src/core/probe/runProbe';

const text = lessonText('08-applications.md');
const lexicon = parseTagLexicon(JSON.parse(readFileSync('public/corpora/brown-pos.json', 'utf8')), 'brown-pos.json');
/** The widget's defaults (ProbeWidget.tsx). */
const SEEDS = [1, 2, 3];
const pct = (x: number) => Math.round(100 * x);

describe('08 applications: probing (brown-sotu-sg100)', () => {
  const data = buildProbeDataset(shipped('brown-sotu-sg100'), lexicon);
  const r = runProbe(data, { seeds: SEEDS });
  const cls = (name: string) => r.perClass.find((c) => c.name === name)!;

  it('the widget is pinned with its defaults', () => {
    expect(text).toContain('::widget{name="probe" vectors="brown-sotu-sg100"}');
  });

  it('45% of the 5,000 most frequent tagged words are nouns', () => {
    expect(text).toContain('45% of the 5,000 most frequent tagged words are nouns');
    expect(data.words).toHaveLength(5000);
    expect(pct(r.classCounts[r.classes.indexOf('noun')]! / 5000)).toBe(45);
  });

  it('about 85% (83% to 86%), control about 40%, majority 45%, selectivity 43 to 46 points', () => {
    expect(text).toContain('about 85% of the held-out words right (83% to 86% over three seeds), the control task about 40% and the majority class 45%: a selectivity of about 44 points');
    expect(pct(r.accuracy.mean)).toBe(85);
    expect(pct(r.accuracy.min)).toBe(83);
    expect(pct(r.accuracy.max)).toBe(86);
    expect(pct(r.control.mean)).toBe(40);
    expect(pct(r.majority.mean)).toBe(45);
    expect(pct(r.selectivity.mean)).toBe(44);
    expect(Math.floor(100 * r.selectivity.min)).toBe(43);
    expect(Math.ceil(100 * r.selectivity.max)).toBe(46);
    expect(r.beyondBaselines).toBe(true);
  });

  it('nouns about 92%, numbers about 91%, verbs about 86% are read best; proper nouns about 67%; pronouns and determiners below', () => {
    expect(pct(cls('noun').accuracy)).toBe(92);
    expect(pct(cls('number').accuracy)).toBe(91);
    expect(pct(cls('verb').accuracy)).toBe(86);
    expect(pct(cls('proper noun').accuracy)).toBe(67);
    const best = [...r.perClass].filter((c) => c.testWords >= 5).sort((a, b) => b.accuracy - a.accuracy).slice(0, 3).map((c) => c.name);
    expect(best).toEqual(['noun', 'number', 'verb']);
    for (const c of ['pronoun', 'determiner']) expect(cls(c).accuracy).toBeLessThan(cls('proper noun').accuracy);
  });

  it('the control probe reaches about 44% of the random tags on its own training words', () => {
    expect(pct(r.controlTrain.mean)).toBe(44);
  });

  it('the Brown-only vectors drop to about 73%', () => {
    const brown = runProbe(buildProbeDataset(shipped('brown-sg100'), lexicon), { seeds: SEEDS });
    expect(pct(brown.accuracy.mean)).toBe(73);
  });
});
