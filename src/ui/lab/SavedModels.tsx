// Models kept in this browser (IndexedDB): save the current one, list, load, delete. Survives reloads.
import { useEffect, useId, useState } from 'react';
import { hasUnsavedTraining, isReload, reloadAccount } from '../../state/reloadAccount';
import { KeyedVectors } from '../../core/vectors/keyedVectors';
import { adoptSavedVectors, freshModelFile, freshVectors, setConfig } from '../../state/labController';
import { adoptModelFile } from '../../state/subwordModels';
import { configFromParams, configToParams } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';
import {
  deleteModel, formatMegabytes, listModels, loadModel, modelBytes, newModelId, saveModel, StorageFullError, type SavedModelMeta,
} from '../../state/persist';

async function refresh(): Promise<void> {
  try {
    useLabStore.getState().set({ savedModels: await listModels() });
  } catch (e) {
    useLabStore.getState().addNotice({ kind: 'info', message: `Saved models are unavailable: ${(e as Error).message}` });
  }
}

/** The reload account is given once per page load, not each time the lab tab is opened again. */
let reloadAnnounced = false;

function announceReload(): void {
  if (reloadAnnounced || !isReload()) return;
  reloadAnnounced = true;
  // From the link itself: this runs before the lab has copied the link's settings into the store.
  const own = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('corpus') === 'file';
  useLabStore.getState().addNotice({ kind: 'info', message: reloadAccount(own) });
}

/** While training is unsaved, leaving or reloading the page asks first (the browser shows its own wording). */
function useLeaveGuard(savedAtWords: number | null): void {
  const modelSource = useLabStore((s) => s.modelSource);
  const wordsDone = useLabStore((s) => s.progress?.wordsDone ?? 0);
  const unsaved = hasUnsavedTraining({ modelSource, wordsDone, savedAtWords });
  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older browsers need it set to show the prompt
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
}

function when(t: number): string {
  return new Date(t).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

export function SavedModels() {
  const models = useLabStore((s) => s.savedModels);
  const modelLabel = useLabStore((s) => s.modelLabel);
  const modelSource = useLabStore((s) => s.modelSource);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAtWords, setSavedAtWords] = useState<number | null>(null);
  const nameId = useId();
  useLeaveGuard(savedAtWords);

  useEffect(() => {
    void refresh();
    announceReload();
  }, []);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const kv = await freshVectors();
      if (!kv) throw new Error('there is no model yet: start training first');
      // fastText's n-gram table, which the vectors alone would lose (null for word2vec and GloVe).
      const file = await freshModelFile();
      const s = useLabStore.getState();
      const c = s.runningConfig ?? s.config;
      const label = name.trim() || s.modelLabel || 'My model';
      await saveModel({
        id: newModelId(),
        name: label,
        savedAt: Date.now(),
        corpus: c.corpus === 'file' ? (s.userFile?.name ?? 'own text') : c.corpus,
        model: c.model,
        engine: s.activeEngine ?? '',
        vocabSize: kv.size,
        dim: kv.dim,
        epochsDone: s.progress ? s.progress.wordsDone / Math.max(1, s.progress.wordsTotal / s.progress.epochs) : 0,
        loss: s.progress && Number.isFinite(s.progress.loss) ? s.progress.loss : null,
        settings: configToParams(c).toString(),
        words: [...kv.words],
        vectors: kv.vectors,
        modelFile: file?.bytes,
      });
      setName('');
      setSavedAtWords(s.progress?.wordsDone ?? 0);
      const sub = file ? adoptModelFile(file.model, file.bytes, label) : null;
      setMessage({ text: `Saved “${label}” in this browser${sub ? ', with its n-gram table (the Unseen words playground can use it)' : ''}.` });
      await refresh();
    } catch (e) {
      // A full storage has its own complete sentence (what to delete); other errors are often a bare phrase.
      const text = e instanceof StorageFullError ? e.message : `Could not save: ${(e as Error).message || (e as Error).name}.`;
      setMessage({ text, error: true });
    } finally {
      setBusy(false);
    }
  };

  const load = async (m: SavedModelMeta) => {
    setMessage(null);
    try {
      const full = await loadModel(m.id);
      if (!full) throw new Error('it is no longer in this browser');
      const kv = new KeyedVectors(full.words, full.vectors, full.dim);
      const { config } = configFromParams(new URLSearchParams(full.settings), useLabStore.getState().config);
      // Show the settings that trained it, without the view/hide choices of the current link.
      const current = useLabStore.getState().config;
      setConfig({ ...config, view: current.view, hide: current.hide, corpus: config.corpus });
      const file = full.modelFile ? { model: full.model, bytes: full.modelFile } : null;
      adoptSavedVectors(kv, m.name, { corpus: m.corpus, model: m.model, dimensions: m.dim, vocabulary: m.vocabSize, saved: when(m.savedAt) }, file);
      let sub: ReturnType<typeof adoptModelFile> = null;
      try {
        sub = file ? adoptModelFile(file.model, file.bytes, m.name) : null;
      } catch (e) {
        setMessage({ text: `Loaded “${m.name}”'s vectors, but its n-gram table could not be read: ${(e as Error).message}.`, error: true });
        return;
      }
      setMessage({ text: `Loaded “${m.name}”: the map, search and export now use it${sub ? '; the Unseen words playground can use its n-grams' : ''}.` });
    } catch (e) {
      setMessage({ text: `Could not load “${m.name}”: ${(e as Error).message}.`, error: true });
    }
  };

  const remove = async (m: SavedModelMeta) => {
    await deleteModel(m.id);
    setMessage({ text: `Deleted “${m.name}”.` });
    await refresh();
  };

  return (
    <section className="saved-models" aria-labelledby={`${nameId}-h`}>
      <h2 id={`${nameId}-h`} className="small-heading">
        Saved models <span className="muted small">(kept in this browser only)</span>
      </h2>
      <div className="button-row">
        <label htmlFor={nameId} className="visually-hidden">
          Name for the saved model
        </label>
        <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} placeholder={modelLabel || 'Model name'} />
        <button type="button" onClick={() => void save()} disabled={busy || modelSource === 'none'}>
          Save model
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
      {models.length === 0 ? (
        <p className="muted small">No saved models yet.</p>
      ) : (
        <ul className="saved-list" aria-label="Saved models">
          {models.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.name}</strong>
                <span className="muted small">
                  {' '}
                  {m.vocabSize.toLocaleString('en')} words × {m.dim} · {m.corpus} · {when(m.savedAt)} · about{' '}
                  {formatMegabytes(modelBytes(m))}
                </span>
              </span>
              <span className="button-row">
                <button type="button" onClick={() => void load(m)} aria-label={`Load ${m.name}`}>
                  Load
                </button>
                <button type="button" onClick={() => void remove(m)} aria-label={`Delete ${m.name}`}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
