// Take the vectors and plots away: word2vec text (gensim, word2vec.c and the CLI read it), the TensorFlow Embedding
// Projector's two TSV files, and a PNG of the loss curve (the map has its own PNG button).
import { useState } from 'react';
import { writeProjectorTsv, writeWord2VecText } from '../../core/vectors/formats';
import { freshVectors } from '../../state/labController';
import { useLabStore } from '../../state/labStore';
import { downloadBlob, slug } from './download';
import { lossCurvePng } from './LossChart';

/** Image size for exported plots: sharp on slides without being huge. */
const PNG_WIDTH = 1200;
const PNG_HEIGHT = 800;

export function ExportPanel() {
  const modelSource = useLabStore((s) => s.modelSource);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const withVectors = async (what: string, write: (name: string, kv: NonNullable<Awaited<ReturnType<typeof freshVectors>>>) => void) => {
    setMessage(null);
    const kv = await freshVectors();
    if (!kv) {
      setMessage({ text: 'No vectors yet: train or load a model first.', error: true });
      return;
    }
    write(slug(useLabStore.getState().modelLabel), kv);
    setMessage({ text: `Exported ${kv.size.toLocaleString('en')} words × ${kv.dim} as ${what}.` });
  };

  const lossPng = async () => {
    setMessage(null);
    try {
      downloadBlob('loss-curve.png', await lossCurvePng(PNG_WIDTH, PNG_HEIGHT), 'image/png');
      setMessage({ text: 'Saved loss-curve.png.' });
    } catch (e) {
      setMessage({ text: `The loss curve could not be exported: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  };

  const none = modelSource === 'none';
  return (
    <section className="export-panel" aria-label="Export">
      <h2 className="small-heading">Export</h2>
      <div className="button-row wrap">
        <button type="button" disabled={none} onClick={() => void withVectors('word2vec text', (n, kv) => downloadBlob(`${n}.txt`, writeWord2VecText(kv)))}>
          Vectors (word2vec .txt)
        </button>
        <button
          type="button"
          disabled={none}
          onClick={() =>
            void withVectors('Embedding Projector TSV', (n, kv) => {
              const { vectors, metadata } = writeProjectorTsv(kv);
              downloadBlob(`${n}-vectors.tsv`, vectors, 'text/tab-separated-values');
              downloadBlob(`${n}-metadata.tsv`, metadata, 'text/tab-separated-values');
            })
          }
        >
          Vectors (Projector TSV)
        </button>
        <button type="button" onClick={() => void lossPng()}>
          Loss curve (PNG)
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
