// "Colour by": the legend the map is coloured with (part of speech, fact-list categories, or the user's own word
// lists), and its entries as toggle buttons that isolate one colour (click, Enter or Space). The word data files are
// built by scripts/buildCorpora.ts into public/corpora/ and loaded on first use.
import { useEffect, useId, useMemo, useState } from 'react';
import { categoryClasses, COLOUR_BY_TITLES, colourPoints, parseWordLists, posClasses, type ColourBy, type WordClasses } from './mapColours';

const FILES: Partial<Record<ColourBy, { file: string; parse: (json: unknown) => WordClasses }>> = {
  pos: { file: 'brown-pos.json', parse: posClasses },
  categories: { file: 'map-categories.json', parse: categoryClasses },
};

const EXAMPLE_LISTS = 'animals: dog cat horse bird fish\nbody: hand head eyes face heart';

const loaded = new Map<string, Promise<WordClasses>>();
function load(file: string, parse: (json: unknown) => WordClasses): Promise<WordClasses> {
  let p = loaded.get(file);
  if (!p) {
    p = fetch(new URL(`./corpora/${file}`, document.baseURI).href).then(async (r) => {
      if (!r.ok) throw new Error(`${file} could not be loaded (HTTP ${r.status}); run npm run corpora to build it`);
      return parse(await r.json());
    });
    p.catch(() => loaded.delete(file));
    loaded.set(file, p);
  }
  return p;
}

export interface MapLegendProps {
  words: readonly string[];
  classes: WordClasses | null;
  onClasses: (c: WordClasses | null) => void;
  isolate: number | null;
  onIsolate: (i: number | null) => void;
}

export function MapLegend({ words, classes, onClasses, isolate, onIsolate }: MapLegendProps) {
  const [by, setBy] = useState<ColourBy>('none');
  const [lists, setLists] = useState(EXAMPLE_LISTS);
  const [problem, setProblem] = useState<string[]>([]);
  const selectId = useId();
  const listsId = useId();

  useEffect(() => {
    let stale = false;
    onIsolate(null);
    setProblem([]);
    if (by === 'none') {
      onClasses(null);
      return;
    }
    if (by === 'custom') {
      const { classes: c, errors } = parseWordLists(lists);
      setProblem(errors);
      onClasses(c);
      return;
    }
    const f = FILES[by]!;
    load(f.file, f.parse)
      .then((c) => !stale && onClasses(c))
      .catch((e: unknown) => !stale && setProblem([e instanceof Error ? e.message : String(e)]));
    return () => {
      stale = true;
    };
    // lists are applied by their own button, not on every keystroke
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [by]);

  const legend = useMemo(() => colourPoints(words, classes, null).legend, [words, classes]);
  const unclassed = words.length - legend.reduce((a, e) => a + e.count, 0);

  return (
    <div className="map-legend">
      <div className="map-legend-controls">
        <label htmlFor={selectId}>Colour by</label>
        <select id={selectId} value={by} onChange={(e) => setBy(e.target.value as ColourBy)}>
          {(Object.keys(COLOUR_BY_TITLES) as ColourBy[]).map((k) => (
            <option key={k} value={k}>
              {COLOUR_BY_TITLES[k]}
            </option>
          ))}
        </select>
      </div>
      {by === 'custom' && (
        <div className="map-legend-lists">
          <label htmlFor={listsId}>Word lists, one per line: name: word word ...</label>
          <textarea id={listsId} rows={3} value={lists} onChange={(e) => setLists(e.target.value)} spellCheck={false} />
          <button
            type="button"
            onClick={() => {
              const { classes: c, errors } = parseWordLists(lists);
              setProblem(errors);
              onIsolate(null);
              onClasses(c);
            }}
          >
            Colour these lists
          </button>
        </div>
      )}
      {problem.length > 0 && (
        <ul role="alert" className="error">
          {problem.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {classes && (
        <>
          <ul className="map-legend-entries" aria-label="Map legend">
            {legend.map((e) => (
              <li key={e.name}>
                <button
                  type="button"
                  aria-pressed={isolate === e.index}
                  title={isolate === e.index ? 'Show every colour again' : `Show only ${e.name}`}
                  onClick={() => onIsolate(isolate === e.index ? null : e.index)}
                >
                  <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
                  {e.name} <span className="muted">({e.count})</span>
                </button>
              </li>
            ))}
          </ul>
          <p className="muted small">
            {unclassed} of {words.length} words on the map are in no list (grey).{' '}
            {by === 'pos' && 'Each word takes the part of speech it is tagged with most often in Brown; words outside Brown are grey.'}
            {isolate !== null && ' Click the pressed entry again to show every colour.'}
          </p>
        </>
      )}
    </div>
  );
}
