// BPE and WordPiece learned merge by merge on a bundled corpus (in a worker): the latest merges, how chosen words
// split now, and the vocabulary's size against how well it covers a held-out tenth of the corpus.
import { useEffect, useRef, useState } from 'react';
import type { Coverage, Merge, MergeScheme } from '../../../core/text/subwords/mergeLearner';
import type { VocabState } from '../../../workers/subwordVocab.worker';
import { startVocabSession, type VocabSession } from './subwordVocabClient';
import { fmt } from './vectorMath';
import type { WidgetProps } from './types';
import { useReportState } from './useReportState';

/** Merges per message to the worker: small enough to show progress and stop between batches. */
const BATCH = 10;
const STEPS = [1, 10, 100, 500] as const;
const DEFAULT_WORDS = 'unfriendliness, telescopes, recieve, walked';
const CORPORA = [
  { id: 'brown', label: 'Brown (1 M words)' },
  { id: 'toy-fruit', label: 'Toy: fruit and drinks' },
] as const;

interface Row {
  size: number;
  coverage: Coverage;
}

type Phase = { kind: 'preparing' } | { kind: 'ready' } | { kind: 'merging'; done: number; of: number } | { kind: 'error'; message: string };

const pct = (x: number) => `${fmt(100 * x, 1)}%`;

export default function MergeStepperWidget({ attrs, onState }: WidgetProps) {
  const [scheme, setScheme] = useState<MergeScheme>(attrs.scheme === 'wordpiece' ? 'wordpiece' : 'bpe');
  const [corpus, setCorpus] = useState<string>(attrs.corpus ?? 'brown');
  const [phase, setPhase] = useState<Phase>({ kind: 'preparing' });
  const [state, setState] = useState<VocabState | null>(null);
  const [history, setHistory] = useState<Row[]>([]);
  const [wordsText, setWordsText] = useState(attrs.words ?? DEFAULT_WORDS);
  const [splits, setSplits] = useState<string[][]>([]);
  const session = useRef<VocabSession | null>(null);
  const stop = useRef(false);
  const words = wordsText.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  useReportState(onState, { scheme, corpus, words: words.join(',') });

  useEffect(() => {
    const s = startVocabSession(corpus, scheme);
    session.current = s;
    setPhase({ kind: 'preparing' });
    setState(null);
    setHistory([]);
    s.ready.then(
      (st) => {
        if (session.current !== s) return;
        setState(st);
        setHistory([{ size: st.size, coverage: st.coverage }]);
        setPhase({ kind: 'ready' });
      },
      (e: unknown) => session.current === s && setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      stop.current = true;
      s.end();
      if (session.current === s) session.current = null;
    };
  }, [corpus, scheme]);

  const key = words.join('|');
  useEffect(() => {
    const s = session.current;
    if (!s || !state) return;
    let live = true;
    void s.api.segment(key ? key.split('|') : []).then((r) => live && setSplits(r));
    return () => {
      live = false;
    };
  }, [key, state]);

  const merge = async (n: number): Promise<void> => {
    const s = session.current;
    if (!s) return;
    stop.current = false;
    let done = 0;
    let last: VocabState | null = null;
    setPhase({ kind: 'merging', done: 0, of: n });
    try {
      while (done < n && !stop.current) {
        const k = Math.min(BATCH, n - done);
        const st = await s.api.merge(k);
        if (session.current !== s) return;
        const grew = !last || st.merges > last.merges;
        last = st;
        done += k;
        setState(st);
        setPhase({ kind: 'merging', done, of: n });
        if (!grew) break; // nothing left to merge
      }
      if (last) setHistory((h) => (h[h.length - 1]?.size === last!.size ? h : [...h, { size: last!.size, coverage: last!.coverage }]));
      setPhase({ kind: 'ready' });
    } catch (e) {
      setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const busy = phase.kind !== 'ready';
  const recent: Merge[] = state ? [...state.recent].reverse() : [];
  return (
    <div>
      <div className="controls">
        <label>
          Scheme{' '}
          <select value={scheme} onChange={(e) => setScheme(e.target.value as MergeScheme)} aria-label="Scheme" disabled={phase.kind === 'merging'}>
            <option value="bpe">BPE: most frequent pair</option>
            <option value="wordpiece">WordPiece: freq(ab) / (freq(a) freq(b))</option>
          </select>
        </label>
        <label>
          Corpus{' '}
          <select value={corpus} onChange={(e) => setCorpus(e.target.value)} aria-label="Corpus" disabled={phase.kind === 'merging'}>
            {CORPORA.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </label>
        {STEPS.map((n) => (
          <button key={n} type="button" onClick={() => void merge(n)} disabled={busy}>
            {n === 1 ? '1 merge' : `${n} merges`}
          </button>
        ))}
        {phase.kind === 'merging' && <button type="button" onClick={() => (stop.current = true)}>Stop</button>}
      </div>
      <p role="status" aria-label="Merge status">
        {phase.kind === 'preparing' && 'Counting the words of the corpus…'}
        {phase.kind === 'merging' && `Merging: ${phase.done} of ${phase.of}…`}
        {phase.kind === 'error' && phase.message}
        {state && phase.kind !== 'preparing' && ` Vocabulary: ${state.size.toLocaleString('en')} units after ${state.merges.toLocaleString('en')} merges.`}
      </p>
      {state && (
        <div className="widget-row">
          <table aria-label="Latest merges">
            <thead><tr><th>merge</th><th>{scheme === 'bpe' ? 'pair count' : 'score (count)'}</th></tr></thead>
            <tbody>
              {recent.length === 0 ? (
                <tr><td colSpan={2} className="muted">none yet: every word is single characters</td></tr>
              ) : (
                recent.map((m, i) => (
                  <tr key={`${state.merges - i}`}>
                    <td><code>{m.left}</code> + <code>{m.right}</code> → <code>{m.merged}</code></td>
                    <td>{scheme === 'bpe' ? m.pairCount.toLocaleString('en') : `${m.score.toExponential(2)} (${m.pairCount.toLocaleString('en')})`}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          <div>
            <label>Words to split <input type="text" value={wordsText} onChange={(e) => setWordsText(e.target.value)} aria-label="Words to split" /></label>
            <ul aria-label="How the words split">
              {words.map((w, i) => (
                <li key={w}>{w}: {(splits[i] ?? []).map((p, k) => <code key={k} style={{ marginRight: '0.2em' }}>{p}</code>)}</li>
              ))}
            </ul>
          </div>
          <table aria-label="Vocabulary size against held-out coverage">
            <thead><tr><th>units</th><th>whole words</th><th>units per word</th><th>[UNK]</th></tr></thead>
            <tbody>
              {history.map((r) => (
                <tr key={r.size}>
                  <td>{r.size.toLocaleString('en')}</td><td>{pct(r.coverage.wholeWords)}</td><td>{fmt(r.coverage.unitsPerWord, 2)}</td><td>{pct(r.coverage.unknown)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="source">
        Learned on the first 90% of the corpus's sentences (words seen at least twice); coverage is measured on the last
        10%, token by token: the share that is a single unit, the mean number of units per word, and the share that cannot be
        split at all because a character never occurred in training.
      </p>
    </div>
  );
}
