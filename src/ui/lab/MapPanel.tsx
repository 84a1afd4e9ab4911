// The live map of the N most frequent words (the projection helper's EmbeddingMap), its settings, and what it is
// showing (the map's own caption names method, words, seed and iteration).
import { useCallback, useEffect, useRef, useState } from 'react';
import { freshVectors, selectWord } from '../../state/labController';
import { useLabStore } from '../../state/labStore';
import { EmbeddingMap } from '../map/EmbeddingMap';
import { MapComparison } from '../map/MapComparison';
import { centredNeighbours, wordsToAdd, type MapSearch } from '../map/searchNeighbours';
import { SettingField } from './SettingField';
import { useMapCommands } from './useMapCommands';

const METHOD_TITLES = { tsne: 't-SNE', pca: 'PCA', 'tsne-js': 't-SNE (tsne-js)' };

export function MapPanel({ showSettings }: { showSettings: boolean }) {
  const snapshot = useLabStore((s) => s.snapshot);
  const config = useLabStore((s) => s.config);
  const selection = useLabStore((s) => s.selection);
  const vocabSize = useLabStore((s) => s.corpusInfo?.vocabSize ?? null);
  const modelLabel = useLabStore((s) => s.modelLabel);
  const panelRef = useRef<HTMLElement>(null);
  useMapCommands(panelRef);
  // The search as the map draws it: neighbours outside the map's N words are added to it (their vectors from the
  // full model), and the centred cosines are computed over the whole vocabulary.
  const [highlight, setHighlight] = useState<MapSearch | null>(null);
  useEffect(() => {
    if (!selection || selection.error) {
      setHighlight(null);
      return;
    }
    const base: MapSearch = { word: selection.word, neighbours: selection.neighbours.map((n) => ({ word: n.word, cosine: n.score })), centred: null, added: null };
    setHighlight(base);
    let stale = false;
    void freshVectors().then((kv) => {
      if (stale || !kv || !kv.has(selection.word)) return;
      const onMap = useLabStore.getState().snapshot?.words ?? [];
      setHighlight({
        ...base,
        centred: centredNeighbours(kv, selection.word, base.neighbours.length),
        added: wordsToAdd(onMap, [selection.word, ...base.neighbours.map((n) => n.word)], kv),
      });
    });
    return () => {
      stale = true;
    };
  }, [selection]);
  const onWordClick = useCallback((w: string) => void selectWord(w), []);

  return (
    <section ref={panelRef} className="map-panel" aria-label="Map of words">
      <div className="map-head">
        <h2 className="small-heading">
          Map {modelLabel && <span className="muted">of {modelLabel}</span>}
        </h2>
      </div>
      <EmbeddingMap
        snapshot={snapshot}
        method={config.map}
        perplexity={config.perplexity}
        learningRate={config.mapLr}
        seed={config.seed}
        highlight={highlight}
        onWordClick={onWordClick}
        totalWords={vocabSize ?? undefined}
      />
      <MapComparison input={snapshot} seed={config.seed} perplexity={config.perplexity} learningRate={config.mapLr} method={config.map} />
      {showSettings && <MapSettings />}
    </section>
  );
}

/** Words, projection and t-SNE settings (under the map, or in presenter mode's settings drawer). */
export function MapSettings() {
  return (
    <fieldset className="map-settings">
      <legend>Map settings</legend>
      <div className="field-grid">
        <SettingField name="mapN" />
        <SettingField name="map" titles={METHOD_TITLES} />
        <SettingField name="perplexity" />
        <SettingField name="mapLr" />
      </div>
    </fieldset>
  );
}
