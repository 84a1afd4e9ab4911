// Batches of sentences padded to a common length: how much of the batch is padding, with and without bucketing.
import { useState } from 'react';
import { tokenize } from '../../../core/text/tokenize';
import { numAttr, type WidgetProps } from './types';
import { useReportState } from './useReportState';

export const DEFAULT_TEXT = [
  'the dog barked',
  'a long and winding road led the travellers over the hills to the sea',
  'rain again',
  'she read the letter twice before she answered it',
  'we won',
  'the committee will meet on monday to discuss the new budget and the schedule',
  'tea or coffee',
  'he sold the old car to a neighbour',
].join('\n');

export function padBatches(lengths: number[], batchSize: number, sort: boolean): { batches: number[][]; pads: number; total: number } {
  const order = lengths.map((_, i) => i);
  if (sort) order.sort((a, b) => lengths[a] - lengths[b]);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += batchSize) batches.push(order.slice(i, i + batchSize));
  let pads = 0;
  let total = 0;
  for (const b of batches) {
    const max = Math.max(...b.map((i) => lengths[i]));
    for (const i of b) pads += max - lengths[i];
    total += max * b.length;
  }
  return { batches, pads, total };
}

export default function PaddingWidget({ attrs, onState }: WidgetProps) {
  // Sentences travel in a link as one line, separated by " | " (a link has no line breaks to spare).
  const [text, setText] = useState(attrs.sentences ? attrs.sentences.split(' | ').join('\n') : DEFAULT_TEXT);
  const [batch, setBatch] = useState(numAttr(attrs, 'batch', 2));
  const [sort, setSort] = useState(attrs.bucket === 'true');
  useReportState(onState, { sentences: text.split('\n').map((l) => l.trim()).filter(Boolean).join(' | '), batch: String(batch), bucket: String(sort) });
  const sents = text.split('\n').map((l) => tokenize(l)).filter((t) => t.length > 0);
  const lengths = sents.map((s) => s.length);
  const { batches, pads, total } = padBatches(lengths, batch, sort);
  return (
    <div>
      <label>
        Sentences, one per line
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} style={{ width: '100%' }} aria-label="Sentences" />
      </label>
      <div className="controls">
        <label>
          Batch size
          <input type="range" min={1} max={8} value={batch} onChange={(e) => setBatch(Number(e.target.value))} aria-label="Batch size" />
          <output>{batch}</output>
        </label>
        <label><input type="checkbox" checked={sort} onChange={(e) => setSort(e.target.checked)} /> sort by length first (bucketing)</label>
      </div>
      {sents.length === 0 ? (
        <p role="alert">Type at least one sentence.</p>
      ) : (
        <>
          <p aria-label="Padding share">
            <strong>{pads}</strong> of {total} slots are padding ({total ? Math.round((100 * pads) / total) : 0}% of the work wasted).
          </p>
          {batches.map((b, k) => (
            <table key={k} aria-label={`Batch ${k + 1}`} style={{ marginBottom: '0.5rem' }}>
              <tbody>
                {b.map((i) => {
                  const max = Math.max(...b.map((j) => lengths[j]));
                  return (
                    <tr key={i}>
                      <th>batch {k + 1}</th>
                      <td style={{ fontFamily: 'var(--mono)', fontSize: '0.85rem' }}>
                        {sents[i].join(' ')} <span className="muted">{'<pad> '.repeat(max - lengths[i])}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ))}
        </>
      )}
    </div>
  );
}
