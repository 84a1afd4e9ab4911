// The fastText model the lessons and the unseen-words playground use: public/vectors/brown-ft.elft, trained by the
// lab's own fastText trainer (scripts/buildShippedFastText.ts), fetched from this origin once and kept for the tab.
import { useEffect, useState } from 'react';
import type { FastTextVectors } from '../../../core/models/fasttext/fastTextVectors';
import { readSubwordModel } from '../../../core/models/fasttext/subwordModelFile';

export const SHIPPED_FASTTEXT_URL = './vectors/brown-ft.elft';

export interface ShippedFastText {
  kv: FastTextVectors;
  /** Label, corpus, settings and scores written by the build script. */
  meta: Record<string, unknown>;
}

let loading: Promise<ShippedFastText> | null = null;

async function load(): Promise<ShippedFastText> {
  const res = await fetch(SHIPPED_FASTTEXT_URL);
  if (!res.ok) throw new Error(`Could not fetch ${SHIPPED_FASTTEXT_URL}: the server answered ${res.status} ${res.statusText}`.trim());
  const { kv, meta } = readSubwordModel(new Uint8Array(await res.arrayBuffer()), { fileName: 'brown-ft.elft' });
  return { kv, meta };
}

export function loadShippedFastText(): Promise<ShippedFastText> {
  loading ??= load().catch((e: unknown) => {
    loading = null; // let a later visit try again (the network may be back)
    throw e;
  });
  return loading;
}

export type FastTextState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; model: ShippedFastText };

export function useShippedFastText(): FastTextState {
  const [state, setState] = useState<FastTextState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadShippedFastText().then(
      (model) => live && setState({ status: 'ready', model }),
      (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
