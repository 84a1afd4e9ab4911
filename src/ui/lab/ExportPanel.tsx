// Take the vectors and plots away: word2vec text (gensim, word2vec.c and the CLI read it), the TensorFlow Embedding
// Projector's two TSV files (both written in a worker, exportFiles.ts), and a PNG of the loss curve (the map has its
// own PNG button).
import { useState } from 'react';
import { freshVectors } from '../../state/labController';
import { useLabStore } from '../../state/labStore';
import { downloadBlob, slug } from './download';
import { exportFiles, type ExportKind } from './exportFiles';
import { lossCurvePng } from './LossChart';

/** Image size for exported plots: sharp on slides without being huge. */
const PNG_WIDTH = 1200;
const PNG_HEIGHT = 800;

export function ExportPanel() {
  const modelSource = useLabStore((s) => s.modelSource);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const exportVectors = async (kind: ExportKind, what: string) => {
    setMessage(null);
    const kv = await freshVectors();
    if (!kv) {
      setMessage({ text: 'No vectors yet: train or load a model first.', error: true });
      return;
    }
    setMessage({ text: `Writing ${kv.size.toLocaleString('en')} words as ${what}…` });
    try {
      const files = await exportFiles(kind, slug(useLabStore.getState().modelLabel), kv);
      for (const f of files) downloadBlob(f.name, f.blob, f.blob.type);
      setMessage({ text: `Exported ${kv.size.toLocaleString('en')} words × ${kv.dim} as ${what}.` });
    } catch (e) {
      setMessage({ text: `The vectors could not be exported: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
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
        <button type="button" disabled={none} onClick={() => void exportVectors('word2vecText', 'word2vec text')}>
          Vectors (word2vec .txt)
        </button>
        <button type="button" disabled={none} onClick={() => void exportVectors('projectorTsv', 'Embedding Projector TSV')}>
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
