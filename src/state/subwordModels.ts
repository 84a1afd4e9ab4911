// The lab's subword model (fastText with its n-gram table), for the pages that answer for words no vocabulary holds
// (the Unseen words playground). It comes from a model file: the one written when a fastText model is saved, or the
// one read back when a saved model is loaded, so it survives a reload as the saved model does. Vectors alone (what
// the map and the other playgrounds use) cannot give an unseen word a vector; this file can.
import { create } from 'zustand';
import { getModel, hasModel } from '../core/models';
import type { FastTextVectors } from '../core/models/fasttext/fastTextVectors';
import { isFastTextModel } from '../core/models/fasttext/fastTextSpec';

export interface LabSubwordModel {
  /** The saved model's name. */
  label: string;
  kv: FastTextVectors;
}

interface SubwordModelsState {
  /** The subword model saved or loaded in the lab, if any. */
  lab: LabSubwordModel | null;
  setLab: (m: LabSubwordModel | null) => void;
}

export const useSubwordModelsStore = create<SubwordModelsState>((set) => ({
  lab: null,
  setLab: (lab) => set({ lab }),
}));

/**
 * Read a model file with its model's own loader (ModelSpec.load) and, when it is a subword model, make it the lab's
 * subword model. Returns it, or null when the file holds no subword model. Throws with the loader's message (which
 * names what is wrong) when the file does not read.
 */
export function adoptModelFile(modelId: string, bytes: Uint8Array, label: string): LabSubwordModel | null {
  if (!hasModel(modelId)) throw new Error(`the saved model file is for “${modelId}”, a model this version of the lab does not have`);
  const spec = getModel(modelId);
  if (!spec.load) return null;
  const model = spec.load(bytes);
  if (!isFastTextModel(model)) return null;
  const adopted = { label, kv: model.fastTextVectors() };
  useSubwordModelsStore.getState().setLab(adopted);
  return adopted;
}
