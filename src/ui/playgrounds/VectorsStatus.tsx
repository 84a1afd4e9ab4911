// One line every playground shows above its inputs: which vectors answer, or the loading progress / error.
import './playgrounds.css';
import type { LoadState } from './shippedVectors';
import { cancelLoading } from './shippedVectors';
import { formatBytes } from './urlDownload';
import type { ActiveVectors } from '../../state/vectorsStore';

export function VectorsStatus({ active, loading }: { active: ActiveVectors | null; loading: LoadState }) {
  return (
    <div className="vectors-status">
      {active && (
        <p className="muted">
          Vectors: <strong data-testid="active-vectors">{active.label}</strong> ({active.kv.size.toLocaleString('en')} words,{' '}
          {active.kv.dim} dimensions, {active.origin}){' '}
          <a href="#/playgrounds/vectors">change</a>
        </p>
      )}
      <LoadProgress loading={loading} />
      {!active && !loading.task && !loading.error && <p role="status">Preparing vectors…</p>}
    </div>
  );
}

export function LoadProgress({ loading }: { loading: LoadState }) {
  return (
    <>
      {loading.task && (
        <div role="status" className="load-progress">
          <label>
            {loading.task}…{' '}
            <progress max={1} value={loading.progress ?? undefined} aria-label={loading.task}>
              {loading.progress !== null ? `${Math.round(loading.progress * 100)}%` : ''}
            </progress>{' '}
            {loading.progress !== null ? `${Math.round(loading.progress * 100)}%` : ''}
          </label>{' '}
          {loading.read && (
            <span data-testid="load-read">
              {formatBytes(loading.read.bytes)} read, {loading.read.lines.toLocaleString('en')} lines{' '}
            </span>
          )}
          <button type="button" onClick={cancelLoading}>
            Cancel loading
          </button>
        </div>
      )}
      {loading.error && (
        <p role="alert" className="error">
          {loading.error}
        </p>
      )}
    </>
  );
}
