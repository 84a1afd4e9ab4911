// The corpus builder's cleaning rules (scripts/buildCorpora.ts): one sentence per line, as the trainer's own sentence
// splitter will see it, with the tokens the tokenizer would have produced anyway.
import { describe, expect, it } from 'vitest';
import { cleanBrownLine, sotuSentences } from '../../scripts/buildCorpora';
import { sentencesOf, tokenize } from '../../src/core/text/tokenize';

describe('Brown lines', () => {
  const raw =
    "He/pps will/md be/be succeeded/vbn by/in Ivan/np Allen/np Jr./np ,/, who/wps became/vbd a/at candidate/nn " +
    "in/in the/at Sept./np 13/cd primary/nn ``/`` Why/wrb ?/. ''/'' he/pps asked/vbd ./.";

  it('strips tags after the last slash and drops the quote tokens', () => {
    const line = cleanBrownLine(raw);
    expect(line).not.toMatch(/\/(pps|md|np|cd)\b/);
    expect(line).not.toMatch(/``|''/);
    expect(line.startsWith('He will be succeeded by Ivan Allen Jr ,')).toBe(true);
  });

  it('leaves exactly one sentence per line with the same tokens', () => {
    const line = cleanBrownLine(raw);
    const sentences = [...sentencesOf(line)];
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toEqual(tokenize(raw.replace(/\/[^\s/]+(?=\s|$)/g, '')));
    // The raw text would have been cut at "Jr. ", "Sept. " and "? ".
    expect([...sentencesOf(raw.replace(/\/[^\s/]+(?=\s|$)/g, ''))].length).toBeGreaterThan(1);
  });

  it('drops lines with no word at all', () => {
    expect(cleanBrownLine(')/) ./.')).toBe('');
  });
});

describe('State of the Union sentences', () => {
  it('splits at sentence ends but not after titles and initials', () => {
    const s = sotuSentences('I thank Mr. Madison and Gen. J. Q. Adams. They served well! Did they? Yes.');
    expect(s).toEqual(['I thank Mr Madison and Gen J Q Adams.', 'They served well!', 'Did they?', 'Yes.']);
  });

  it('keeps "I." as a possible sentence end', () => {
    expect(sotuSentences('So said I. Then we left.')).toHaveLength(2);
  });
});
