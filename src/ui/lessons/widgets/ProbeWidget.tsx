// Probing: can a linear classifier read "is this word in group G?" off the frozen vectors? Train on most words of
// two groups, test on held-out ones, and compare with a control run whose labels were shuffled.
import { useMemo, useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { VectorsGate } from './VectorsGate';
import { WORD_GROUPS, GROUP_NAMES } from './wordGroups';
import { trainProbe } from './probe';
import { fmt } from './vectorMath';
import type { WidgetProps } from './types';

/** A quarter of the words are held out: enough test words to see a difference, enough training words to learn. */
const TEST_SHARE = 0.25;

function Probe({ kv, positive, seed }: { kv: KeyedVectors; positive: string; seed: number }) {
  const result = useMemo(() => {
    const rows = Object.entries(WORD_GROUPS).flatMap(([g, ws]) =>
      ws.filter((w) => kv.has(w)).map((w) => ({ word: w, x: kv.unitVector(w), label: g === positive ? 1 : 0 })),
    );
    if (rows.filter((r) => r.label === 1).length < 4) return null;
    return { real: trainProbe(rows, seed, TEST_SHARE), control: trainProbe(rows, seed, TEST_SHARE, true), n: rows.length };
  }, [kv, positive, seed]);
  if (!result) return <p role="alert">Too few “{positive}” words are in these vectors to train a probe.</p>;
  const { real, control } = result;
  const baseline = real.test.filter((t) => t.label === 0).length / real.test.length;
  return (
    <div className="widget-row">
      <div>
        <table aria-label="Probe accuracy">
          <tbody>
            <tr><th>Probe, train accuracy</th><td>{fmt(real.trainAcc * 100, 0)}%</td></tr>
            <tr><th>Probe, held-out accuracy</th><td className="big" aria-label="Held-out accuracy">{fmt(real.testAcc * 100, 0)}%</td></tr>
            <tr><th>Always answer “no”</th><td>{fmt(baseline * 100, 0)}%</td></tr>
            <tr><th>Control (shuffled labels), held-out</th><td aria-label="Control accuracy">{fmt(control.testAcc * 100, 0)}%</td></tr>
          </tbody>
        </table>
        <p className="muted">{result.n} words, {real.test.length} held out, split with seed {seed}.</p>
      </div>
      <table aria-label="Held-out predictions">
        <thead><tr><th>held-out word</th><th>p({positive})</th><th></th></tr></thead>
        <tbody>
          {real.test.map((t) => (
            <tr key={t.word}>
              <td>{t.word}</td><td>{fmt(t.p, 2)}</td>
              <td>{(t.p >= 0.5 ? 1 : 0) === t.label ? <span className="ok">right</span> : <span className="error">wrong</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ProbeWidget({ attrs }: WidgetProps) {
  const [positive, setPositive] = useState(attrs.group && WORD_GROUPS[attrs.group] ? attrs.group : 'animals');
  const [seed, setSeed] = useState(1);
  return (
    <div>
      <div className="controls">
        <label>
          Property to probe: “is it in the group …?”
          <select value={positive} onChange={(e) => setPositive(e.target.value)} aria-label="Group to probe">
            {GROUP_NAMES.map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => setSeed(seed + 1)}>New train/test split</button>
      </div>
      <VectorsGate>{(v) => <Probe kv={v.kv} positive={positive} seed={seed} />}</VectorsGate>
    </div>
  );
}
