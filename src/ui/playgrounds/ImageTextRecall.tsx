// The recall table of the image-text playground: recall@1/5/10 both ways on the test scenes, for all captions, the
// seen colour-shape pairs and the held-out ones, with chance on its own row.
import type { SceneRecall } from '../../core/multimodal/evaluateScenes';
import { RECALL_KS } from '../../core/multimodal/recall';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function ImageTextRecall({ recall, heldOutPairs }: { recall: SceneRecall; heldOutPairs: readonly string[] }) {
  const rows = [
    { name: `all ${recall.all.queries} captions`, r: recall.all },
    { name: `seen pairs (${recall.seen.queries})`, r: recall.seen },
    { name: `held-out pairs (${recall.heldOut.queries}): ${heldOutPairs.join(', ')}`, r: recall.heldOut },
  ];
  // Seven columns: on a phone the table scrolls inside its own box instead of pushing the page sideways.
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <table className="results" aria-label="Recall on the test scenes">
        <caption>
          Recall@k on {recall.all.gallery} test pictures (one per caption, none seen in training): a hit when the true
          partner is among the first k. One trained model's figures: another training seed moves them, the 30 held-out
          captions most (train one below to see).
        </caption>
        <thead>
          <tr>
            <th scope="col">Queries</th>
            {RECALL_KS.map((k) => (
              <th scope="col" key={`t${k}`}>text→image @{k}</th>
            ))}
            {RECALL_KS.map((k) => (
              <th scope="col" key={`i${k}`}>image→text @{k}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name, r }) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {r.textToImage.map((x, i) => (
                <td key={`t${i}`}>{pct(x)}</td>
              ))}
              {r.imageToText.map((x, i) => (
                <td key={`i${i}`}>{pct(x)}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">chance</th>
            {[...recall.all.chance, ...recall.all.chance].map((x, i) => (
              <td key={i}>{pct(x)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
