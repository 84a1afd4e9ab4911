// plotText (src/ui/plotText.ts): what plotly would read as markup is turned into entities it shows literally.
import { describe, expect, it } from 'vitest';
import { plotText, plotTexts } from '../../src/ui/plotText';

describe('plotText', () => {
  it('escapes the characters plotly reads as markup or entities', () => {
    expect(plotText('<b>x</b>')).toBe('&lt;b&gt;x&lt;/b&gt;');
    expect(plotText('<span style="font-size:90px;color:red">big</span>')).toBe('&lt;span style="font-size:90px;color:red"&gt;big&lt;/span&gt;');
    expect(plotText('<a href="https://x.org">link</a>')).not.toMatch(/[<>]/);
    // An entity in a word stays the characters the file had, not the symbol plotly would make of it.
    expect(plotText('&mu;')).toBe('&amp;mu;');
  });
  it('leaves ordinary words alone, including quotes and non-Latin text', () => {
    for (const w of ['king', "don't", '"quoted"', 'café', '東京', 'a/b']) expect(plotText(w)).toBe(w);
  });
  it('maps lists', () => {
    expect(plotTexts(['a<', '>b'])).toEqual(['a&lt;', '&gt;b']);
  });
});
