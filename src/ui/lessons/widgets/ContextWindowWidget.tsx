// Type a sentence, choose a window and a model, and see the training examples word2vec would make from it.
import { useId, useState } from 'react';
import { tokenize } from '../../../core/text/tokenize';
import { numAttr, type WidgetProps } from './types';
import { useReportState } from './useReportState';

const MAX_WINDOW = 8;

export function pairsFor(tokens: string[], centre: number, window: number): string[] {
  const out: string[] = [];
  for (let j = Math.max(0, centre - window); j <= Math.min(tokens.length - 1, centre + window); j++) {
    if (j !== centre) out.push(tokens[j]);
  }
  return out;
}

export default function ContextWindowWidget({ attrs, onState }: WidgetProps) {
  const [text, setText] = useState(attrs.sentence ?? 'the cat sat on the warm mat by the door');
  const [window, setWindow] = useState(numAttr(attrs, 'window', 2));
  const [model, setModel] = useState<'skipgram' | 'cbow'>(attrs.model === 'cbow' ? 'cbow' : 'skipgram');
  const [centre, setCentre] = useState(numAttr(attrs, 'centre', 2));
  useReportState(onState, { sentence: text, window: String(window), model, centre: String(centre) });
  const uid = useId();
  const tokens = tokenize(text);
  const c = Math.min(centre, Math.max(0, tokens.length - 1));
  const ctx = tokens.length ? pairsFor(tokens, c, window) : [];
  const total = tokens.reduce((n, _, i) => n + pairsFor(tokens, i, window).length, 0);
  return (
    <div>
      <label className="controls" style={{ display: 'flex' }}>
        Sentence{' '}
        <input type="text" value={text} onChange={(e) => setText(e.target.value)} style={{ flex: 1 }} aria-label="Sentence" />
      </label>
      <div className="controls">
        <label>
          Window ±
          <input type="range" min={1} max={MAX_WINDOW} value={window} onChange={(e) => setWindow(Number(e.target.value))} aria-label="Window size" />
          <output>{window}</output>
        </label>
        <label><input type="radio" checked={model === 'skipgram'} onChange={() => setModel('skipgram')} name={`${uid}-model`} /> skip-gram</label>
        <label><input type="radio" checked={model === 'cbow'} onChange={() => setModel('cbow')} name={`${uid}-model`} /> CBOW</label>
      </div>
      {tokens.length === 0 ? (
        <p role="alert">Type a sentence with at least one word (letters or digits) to see its training pairs.</p>
      ) : (
        <>
          <p className="muted">Choose the centre word:</p>
          <div className="controls" role="group" aria-label="Centre word">
            {tokens.map((t, i) => {
              const inWin = i !== c && Math.abs(i - c) <= window;
              return (
                <button
                  key={i}
                  type="button"
                  aria-pressed={i === c}
                  onClick={() => setCentre(i)}
                  style={inWin ? { outline: '2px dashed var(--accent)' } : undefined}
                  aria-label={`${t} (position ${i + 1})${inWin ? ', in the window' : ''}`}
                >
                  {t}
                </button>
              );
            })}
          </div>
          {model === 'skipgram' ? (
            <div>
              <p>Skip-gram makes <strong>{ctx.length}</strong> examples from “{tokens[c]}”, one per context word:</p>
              <ul aria-label="Training pairs">
                {ctx.map((w, i) => (
                  <li key={i}><code>{tokens[c]} → {w}</code></li>
                ))}
              </ul>
            </div>
          ) : (
            <div>
              <p>CBOW makes <strong>one</strong> example: the mean of {ctx.length} context vectors predicts “{tokens[c]}”:</p>
              <p aria-label="Training pairs"><code>mean({ctx.join(', ')}) → {tokens[c]}</code></p>
            </div>
          )}
          <p aria-label="Pairs in the sentence">
            Whole sentence ({tokens.length} words): <strong>{model === 'skipgram' ? total : tokens.length}</strong>{' '}
            {model === 'skipgram' ? 'skip-gram pairs' : 'CBOW examples'} at window ±{window}. (word2vec also shrinks the window at
            random for each centre word, so near neighbours count more often than far ones.)
          </p>
        </>
      )}
    </div>
  );
}
