// The corpus: a bundled one, or the user's own .txt (file picker or drag and drop), read in this tab with a progress
// bar. A file that is not text, empty or too large is refused with a message and changes nothing.
import { useId, useState, type DragEvent } from 'react';
import { setConfig } from '../../state/labController';
import { BUNDLED_CORPORA, CORPUS_TITLES, type CorpusChoice } from '../../state/labConfig';
import { chooseUserFile } from '../../state/labFile';
import { useLabStore } from '../../state/labStore';
import { MAX_TEXT_BYTES } from '../../state/labTextCheck';

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

export function CorpusPicker() {
  const corpus = useLabStore((s) => s.config.corpus);
  const userFile = useLabStore((s) => s.userFile);
  const reading = useLabStore((s) => s.fileReading);
  const fileError = useLabStore((s) => s.fileError);
  const info = useLabStore((s) => s.corpusInfo);
  const [dragOver, setDragOver] = useState(false);
  const selectId = useId();
  const fileId = useId();

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    const f = e.dataTransfer.files[0];
    if (f) void chooseUserFile(f);
  };

  return (
    <fieldset className="corpus-picker">
      <legend>Corpus</legend>
      <div className="field">
        <label htmlFor={selectId}>Corpus</label>
        <select id={selectId} value={corpus} onChange={(e) => setConfig({ corpus: e.target.value as CorpusChoice })}>
          {BUNDLED_CORPORA.map((c) => (
            <option key={c} value={c}>
              {CORPUS_TITLES[c]}
            </option>
          ))}
          {/* A link (or a reload) can name an own text without having it: shown as such, never as Brown. */}
          {(userFile || corpus === 'file') && (
            <option value="file">{userFile ? `Your text: ${userFile.name}` : 'Your own text (choose the file below)'}</option>
          )}
        </select>
      </div>
      <div
        className={`drop-zone${dragOver ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
        data-testid="corpus-drop-zone"
      >
        <label htmlFor={fileId}>Your own text (.txt, up to {Math.round(MAX_TEXT_BYTES / (1024 * 1024))} MB)</label>
        <input
          id={fileId}
          type="file"
          accept=".txt,text/plain"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void chooseUserFile(f);
            e.target.value = '';
          }}
        />
        <span className="muted small">or drop a file here. It stays in this browser: nothing is uploaded.</span>
      </div>
      {reading && (
        <div className="file-progress">
          <label>
            Reading {reading.name}… {Math.round(reading.fraction * 100)}%
            <progress max={1} value={reading.fraction} />
          </label>
        </div>
      )}
      {fileError && (
        <p role="alert" className="error">
          {fileError}
        </p>
      )}
      {userFile && corpus === 'file' && !fileError && (
        <p className="muted small">
          Using {userFile.name} ({size(userFile.size)}).
        </p>
      )}
      {info && (
        <p className="muted small" aria-label="Corpus summary">
          {info.name}: {info.rawTokens.toLocaleString('en')} words, {info.sentences.toLocaleString('en')} sentences,
          vocabulary {info.vocabSize.toLocaleString('en')} words.
        </p>
      )}
    </fieldset>
  );
}
