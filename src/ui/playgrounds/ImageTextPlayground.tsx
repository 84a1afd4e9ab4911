// The "Images and captions" playground: an image encoder and a caption encoder trained into one space (CLIP's and
// DeViSE's idea) on scenes the project draws. Type a caption and get the closest pictures; click a picture and get
// the closest captions; the recall table on the test scenes (held-out colour-shape pairs apart); one map of both
// modalities; and training a new model in the worker. The query lives in the link (#/playgrounds/imagetext?q=...).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Gallery, ImageTextApi, ModelState } from '../../workers/imageText.worker';
import type { Remote } from 'comlink';
import type { Data } from 'plotly.js-dist-min';
import { startImageTextSession } from './imageTextClient';
import { ImageTextRecall } from './ImageTextRecall';
import { ImageTextTraining } from './ImageTextTraining';
import { Plot } from './Plot';
import { SceneCanvas } from './SceneCanvas';
import type { ParamsChange } from './usePlaygroundParams';

export interface ImageTextProps {
  q?: string;
  onParamsChange?: ParamsChange;
}

/** Pictures listed for a caption, and captions for a picture. */
const TOP_IMAGES = 8;
const TOP_CAPTIONS = 5;
export const DEFAULT_QUERY = 'a small red triangle on the left';

export function imageTextPropsFromParams(p: URLSearchParams): ImageTextProps {
  return { q: p.get('q') ?? undefined };
}

function pictureOf(g: Gallery, i: number): Uint8ClampedArray {
  const n = g.side * g.side * 4;
  return g.pixels.subarray(i * n, (i + 1) * n);
}

export function ImageTextPlayground({ q = DEFAULT_QUERY, onParamsChange }: ImageTextProps) {
  const [api, setApi] = useState<Remote<ImageTextApi> | null>(null);
  const [gallery, setGallery] = useState<Gallery | null>(null);
  const [state, setState] = useState<ModelState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState(q);
  const [hits, setHits] = useState<{ index: number; score: number }[]>([]);
  const [unknown, setUnknown] = useState<string[]>([]);
  const [picked, setPicked] = useState<number | null>(null);
  const [captions, setCaptions] = useState<{ index: number; score: number }[]>([]);
  const asked = useRef(0);

  useEffect(() => {
    const session = startImageTextSession();
    let live = true;
    session.api
      .load(document.baseURI)
      .then((r) => {
        if (!live) return;
        setGallery(r.gallery);
        setState(r.state);
        setApi(() => session.api);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      session.end();
    };
  }, []);

  // Caption -> pictures, again whenever the model changes; answers to older queries are dropped.
  useEffect(() => {
    if (!api || !state) return;
    const id = ++asked.current;
    void api.searchText(query, TOP_IMAGES).then((r) => {
      if (id !== asked.current) return;
      setHits(r.hits);
      setUnknown(r.unknown);
    });
  }, [api, state, query]);

  useEffect(() => {
    if (!api || !state || picked === null) return;
    let live = true;
    void api.captionsFor(picked, TOP_CAPTIONS).then((r) => live && setCaptions(r));
    return () => {
      live = false;
    };
  }, [api, state, picked]);

  const mapData = useMemo((): Data[] | null => {
    if (!gallery || !state) return null;
    const n = gallery.captions.length;
    const xs = (from: number) => Array.from({ length: n }, (_, i) => state.map[2 * (from + i)]!);
    const ys = (from: number) => Array.from({ length: n }, (_, i) => state.map[2 * (from + i) + 1]!);
    // The scene's colour names a CSS colour too, except white, drawn grey so it shows on a light page.
    const colour = gallery.captions.map((c) => (c.split(' ')[2] === 'white' ? 'grey' : (c.split(' ')[2] ?? 'grey')));
    return [
      { x: xs(0), y: ys(0), text: gallery.captions.map((c) => `caption: ${c}`), type: 'scatter' as const, mode: 'markers' as const, name: 'captions', hoverinfo: 'text' as const, marker: { symbol: 'circle-open' as const, size: 8, color: colour } },
      { x: xs(n), y: ys(n), text: gallery.captions.map((c) => `picture: ${c}`), type: 'scatter' as const, mode: 'markers' as const, name: 'pictures', hoverinfo: 'text' as const, marker: { symbol: 'square' as const, size: 6, color: colour } },
    ];
  }, [gallery, state]);

  const setQueryAndLink = (text: string) => {
    setQuery(text);
    onParamsChange?.({ q: text });
  };

  return (
    <section className="playground" aria-label="Images and captions">
      <p className="lead">
        Two encoders, one space: a small convolutional network reads a 32×32 picture, a bag of word vectors reads its
        caption, and training pulls each picture and its caption together and pushes the other pairs of the batch
        apart. Every red triangle, green circle and blue square was kept out of training: can the space still find them?
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!state && !error && <p role="status">Loading the shipped image-text model and drawing the 300 test scenes…</p>}
      {state && gallery && api && (
        <>
          <p className="muted" role="status">
            Using {state.description}. Pictures are generated by the project (five shapes, six colours, two sizes, five
            places); the test pictures below were never trained on.
          </p>
          <form className="row" onSubmit={(e) => e.preventDefault()}>
            <label>
              Caption <input type="text" value={query} size={40} onChange={(e) => setQueryAndLink(e.target.value)} />
            </label>
          </form>
          {unknown.length > 0 && (
            <p className="muted" role="note">
              Not in the model's vocabulary, left out: {unknown.join(', ')}.
            </p>
          )}
          <h2>Closest pictures</h2>
          {hits.length === 0 ? (
            <p className="muted">No known word in the caption: type colours, shapes, sizes or places (e.g. "a large blue circle at the top").</p>
          ) : (
            <ol className="scene-grid" aria-label="Pictures ranked for the caption">
              {hits.map((h) => (
                <li key={h.index}>
                  <button type="button" aria-label={`Captions for the picture: ${gallery.captions[h.index]}`} aria-pressed={picked === h.index} onClick={() => setPicked(h.index)}>
                    <SceneCanvas pixels={pictureOf(gallery, h.index)} side={gallery.side} caption={gallery.captions[h.index]!} />
                  </button>
                  <span className="muted">
                    {h.score.toFixed(2)}
                    {gallery.heldOut[h.index] ? ' · held out' : ''}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {picked !== null && (
            <div aria-label="Captions for the chosen picture" role="region">
              <h2>Closest captions for the chosen picture</h2>
              <SceneCanvas pixels={pictureOf(gallery, picked)} side={gallery.side} caption={gallery.captions[picked]!} />
              <ol aria-label="Captions ranked for the picture">
                {captions.map((c) => (
                  <li key={c.index}>
                    {gallery.captions[c.index]} <span className="muted">({c.score.toFixed(2)}{c.index === picked ? ', its own caption' : ''})</span>
                  </li>
                ))}
              </ol>
            </div>
          )}
          <h2>How well it retrieves</h2>
          <ImageTextRecall recall={state.recall} heldOutPairs={gallery.heldOutPairs} />
          {mapData && (
            <Plot
              label="Captions and pictures on one map"
              summary={`PCA of the 300 test captions (open circles) and their 300 pictures (squares), coloured by the scene's colour; the two axes keep ${(100 * (state.explained[0] + state.explained[1])).toFixed(0)}% of the variance. A picture near its own caption is what training asks for.`}
              data={mapData}
              height={420}
            />
          )}
          <ImageTextTraining api={api} onTrained={setState} />
          <p className="muted">
            Simplifications: one object per scene, so word order never matters and a bag of words suffices (two objects
            would need a sequence encoder); the pictures are drawn, not photographed.
          </p>
        </>
      )}
    </section>
  );
}
