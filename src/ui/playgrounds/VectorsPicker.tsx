// Choose which vectors the playgrounds query: the shipped sets (with their training settings and scores), the
// lab's live vectors, or your own file or URL (word2vec text/binary, GloVe, fastText .vec, Projector TSV).
import './playgrounds.css';
import { useEffect, useState, type FormEvent } from 'react';
import { useVectorsStore } from '../../state/vectorsStore';
import { LoadProgress } from './VectorsStatus';
import { DEFAULT_MAX_WORDS, ensureShippedVectors, loadFromFiles, loadFromUrl, loadShipped, loadShippedIndex, useLoadStore, type ShippedEntry } from './shippedVectors';
import { FORMAT_OPTIONS, type LoadFormat } from './vectorIO';

export function VectorsPicker() {
  const { active, available, setActive } = useVectorsStore();
  const loading = useLoadStore();
  const [index, setIndex] = useState<ShippedEntry[] | null>(loading.index);
  const [indexError, setIndexError] = useState<string | null>(null);
  const [format, setFormat] = useState<LoadFormat>('auto');
  const [maxWords, setMaxWords] = useState(String(DEFAULT_MAX_WORDS));
  const [files, setFiles] = useState<File[]>([]);
  const [url, setUrl] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    loadShippedIndex().then(setIndex, (e: unknown) => setIndexError(e instanceof Error ? e.message : String(e)));
    void ensureShippedVectors(); // show (and use) the default set unless something is active already
  }, []);

  const limit = (): number | null => {
    useLoadStore.setState({ error: null });
    const n = Number(maxWords);
    if (!Number.isInteger(n) || n < 1) {
      setFormError(`The word limit must be a whole number of at least 1 (you typed "${maxWords}").`);
      return null;
    }
    setFormError(null);
    return n;
  };
  const loadFile = (e: FormEvent) => {
    e.preventDefault();
    const n = limit();
    if (n === null) return;
    if (files.length === 0) {
      setFormError('Choose a vectors file first.');
      return;
    }
    void loadFromFiles(files, { format, maxWords: n });
  };
  const loadUrl = (e: FormEvent) => {
    e.preventDefault();
    const n = limit();
    if (n !== null) void loadFromUrl(url, { format, maxWords: n });
  };

  return (
    <section className="playground vectors-picker" aria-label="Vectors">
      <h2>Vectors</h2>
      <p>
        Active: <strong data-testid="active-vectors">{active ? active.label : 'none yet'}</strong>
        {active && ` — ${active.kv.size.toLocaleString('en')} words, ${active.kv.dim} dimensions (${active.origin})`}
      </p>
      {available.length > 1 && (
        <label>
          Switch to{' '}
          <select value={active?.label ?? ''} onChange={(e) => { const v = available.find((a) => a.label === e.target.value); if (v) setActive(v); }}>
            {available.map((a) => (
              <option key={a.label} value={a.label}>
                {a.label} ({a.origin})
              </option>
            ))}
          </select>
        </label>
      )}
      {active?.details && (
        <details>
          <summary>About the active vectors</summary>
          <dl className="facts">
            {Object.entries(active.details).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(3)) : v}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <LoadProgress loading={loading} />

      <h3>Shipped with the lab</h3>
      {indexError && <p role="alert">{indexError}</p>}
      {index && (
        <table className="results-table" aria-label="Shipped vectors">
          <thead>
            <tr>
              <th scope="col">Vectors</th>
              <th scope="col">Training</th>
              <th scope="col">Scores</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {index.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.label}</strong>
                  <br />
                  <small className="muted">
                    {s.words.toLocaleString('en')} words × {s.dim}, {(s.bytes / 1e6).toFixed(1)} MB, built {s.date.slice(0, 10)}
                  </small>
                </td>
                <td>
                  <small>{Object.entries(s.settings).map(([k, v]) => `${k} ${v}`).join(', ')}</small>
                  {s.note && (
                    <>
                      <br />
                      <small className="muted">{s.note}</small>
                    </>
                  )}
                </td>
                <td>
                  <small>{Object.entries(s.scores).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}</small>
                </td>
                <td>
                  <button type="button" onClick={() => void loadShipped(s.id)} aria-label={`Use ${s.label}`} disabled={active?.label === s.label}>
                    {active?.label === s.label ? 'In use' : 'Use'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        Rebuild them with <code>npx tsx scripts/buildShippedVectors.ts</code>. Vectors trained in the{' '}
        <a href="#/lab">Lab</a> appear here as they train.
      </p>

      <h3>Your own vectors</h3>
      <div className="inputs">
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as LoadFormat)}>
            {FORMAT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Word limit{' '}
          <input type="number" min={1} step={1000} value={maxWords} onChange={(e) => setMaxWords(e.target.value)} style={{ width: '8em' }} />
        </label>
      </div>
      <form onSubmit={loadFile} className="inputs">
        <label>
          Vectors file{' '}
          <input type="file" multiple={format === 'projector-tsv' || format === 'auto'} onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
        </label>
        <button type="submit" className="primary">
          Load file
        </button>
      </form>
      <form onSubmit={loadUrl} className="inputs">
        <label>
          Vectors URL{' '}
          <input type="url" value={url} size={40} placeholder="https://your.server/vectors.vec" onChange={(e) => setUrl(e.target.value)} />
        </label>
        <button type="submit">Load URL</button>
      </form>
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <div className="advice">
        <p>
          <strong>Why the famous analogies fail here.</strong> The shipped vectors learned from one to three million
          words; <em>king − man + woman ≈ queen</em> and most benchmark analogies need vectors trained on hundreds of
          millions or billions of words. To see them work, download a large pre-trained set to your computer and load it
          here (the first 50,000 words are plenty):
        </p>
        <ul>
          <li>
            <strong>GloVe 6B, 100 dimensions</strong> (file <code>glove.6B.100d.txt</code> inside <code>glove.6B.zip</code>,
            from the Stanford NLP GloVe page, nlp.stanford.edu/projects/glove): unzip, then choose the format{' '}
            <em>GloVe text (no header line)</em> (or let it be detected).
          </li>
          <li>
            <strong>fastText wiki-news-300d-1M.vec</strong> (from fasttext.cc, "English word vectors"): unzip, then choose{' '}
            <em>fastText .vec</em>.
          </li>
          <li>
            <strong>word2vec GoogleNews-vectors-negative300.bin</strong>: choose <em>word2vec binary (.bin)</em>; its
            words keep their capitals.
          </li>
        </ul>
        <p className="muted">
          Files stay on your computer: they are read in this tab and never uploaded. A URL is fetched only when you press
          "Load URL", and only works if that server allows other sites to read the file.
        </p>
      </div>
    </section>
  );
}
