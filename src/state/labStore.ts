// The lab's state (zustand). Slices: settings (mirrored in the URL), the run (phase, status line, engine), the
// high-frequency progress (read with transient subscribe: components write it to the DOM without re-rendering),
// the map snapshot, the selected word, the user's file, saved models. Actions that talk to the worker live in
// labController.ts; this file only holds data and plain setters, so tests can reset it.
import { create } from 'zustand';
import type { MatrixView } from '../core/models/types';
import type { EngineName } from '../core/train/types';
import type { PairsReadout } from '../workers/pairsReadout';
import type { CorpusInfo, ErrorKind, MaskedPredictionRow, Phase, ProgressMsg } from '../workers/trainerMessages';
import { DEFAULT_LAB_CONFIG, withModelDefaults, type LabConfig } from './labConfig';
import type { SavedModelMeta } from './persist';

export interface MapSnapshot {
  words: string[];
  vectors: Float32Array;
  dim: number;
  version: number;
}

export interface LabNotice {
  id: number;
  kind: ErrorKind | 'info';
  message: string;
  suggestedAlpha?: number;
}

export interface Selection {
  word: string;
  neighbours: { word: string; score: number }[];
  error?: string;
  /** Where the neighbours were computed: the model in training, or a saved model. */
  from: string;
}

/** The user's own text: read in the page, kept here (never uploaded) until a session takes it. */
export interface UserFileState {
  name: string;
  size: number;
  /** Set when the text separates its words with (almost) no spaces: the warning to show, from the shared check. */
  spacingWarning?: string;
  /** The text is mostly Chinese or Japanese: one character per word is offered. */
  canSplitCharacters?: boolean;
  /** The student chose to train on one character per word. */
  splitCharacters?: boolean;
}

export interface LabState {
  config: LabConfig;
  /** Settings the running trainer was started with (to tell the user a restart is needed to apply changes). */
  runningConfig: LabConfig | null;
  urlNotes: string[];
  session: number;
  phase: Phase;
  statusText: string;
  statusFraction: number | null;
  activeEngine: EngineName | null;
  engineNote: string;
  corpusInfo: CorpusInfo | null;
  progress: ProgressMsg | null;
  /** The syllabus pairs already near each other (from the worker, every few seconds). */
  pairs: PairsReadout | null;
  snapshot: MapSnapshot | null;
  /** GloVe's log co-occurrences next to its fit, for the matrix view (null for models without one). */
  matrix: MatrixView | null;
  /** A contextual model's live guesses for hidden words (null for models without them). */
  predictions: MaskedPredictionRow[] | null;
  /** What the map and neighbours show: "Brown skip-gram (training, epoch 2)" or a saved model's name. */
  modelLabel: string;
  modelSource: 'none' | 'training' | 'saved';
  notices: LabNotice[];
  selection: Selection | null;
  userFile: UserFileState | null;
  /** A file being read (0..1), shown as a progress bar; it replaces userFile only once it proved to be text. */
  fileReading: { name: string; fraction: number } | null;
  fileError: string | null;
  savedModels: SavedModelMeta[];
  set: (patch: Partial<LabState>) => void;
  setConfig: (patch: Partial<LabConfig>) => void;
  addNotice: (n: Omit<LabNotice, 'id'>) => void;
  dismissNotice: (id: number) => void;
}

let noticeId = 0;
/** Old notices scroll away: the last few explain what happened, a long list would hide the lab. */
const MAX_NOTICES = 4;

export const INITIAL_LAB_STATE = {
  config: DEFAULT_LAB_CONFIG,
  runningConfig: null,
  urlNotes: [],
  session: 0,
  phase: 'idle' as Phase,
  statusText: 'Ready: press Start training',
  statusFraction: null,
  activeEngine: null,
  engineNote: '',
  corpusInfo: null,
  progress: null,
  pairs: null,
  snapshot: null,
  matrix: null,
  predictions: null,
  modelLabel: '',
  modelSource: 'none' as const,
  notices: [],
  selection: null,
  userFile: null,
  fileReading: null,
  fileError: null,
  savedModels: [],
} satisfies Partial<LabState>;

export const useLabStore = create<LabState>((set) => ({
  ...INITIAL_LAB_STATE,
  set: (patch) => set(patch),
  setConfig: (patch) => set((s) => ({ config: { ...s.config, ...withModelDefaults(s.config, patch) } })),
  addNotice: (n) => set((s) => ({ notices: [...s.notices, { ...n, id: ++noticeId }].slice(-MAX_NOTICES) })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((x) => x.id !== id) })),
}));

/** Phases in which a trainer exists in the worker (so Pause/Step/neighbour queries make sense). */
export function hasTrainer(phase: Phase): boolean {
  return phase === 'training' || phase === 'paused' || phase === 'done';
}

/** Phases of preparation (reading, tokenizing, probing): cancelling them means replacing the worker. */
export function isPreparing(phase: Phase): boolean {
  return phase === 'loading' || phase === 'vocab' || phase === 'encoding' || phase === 'probing';
}
