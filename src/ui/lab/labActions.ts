// The lab's actions, declared once (excalidraw's register({ name, label, perform, keyTest }) habit): buttons, keyboard
// shortcuts and the shortcuts help dialog all read this table, so "space" and the Pause button can never disagree
// and the help lists exactly what the keys do.
import { pause, reset, resume, startTraining, step, togglePause } from '../../state/labController';
import { useLabStore } from '../../state/labStore';
import { useUiStore } from '../../state/uiStore';
import type { Phase } from '../../workers/trainerMessages';
import { hasMapCommand, runMapCommand, type MapCommand } from './mapCommands';

export type LabActionName =
  | 'start' | 'pause' | 'resume' | 'step' | 'reset' | 'toggle'
  | 'zoomIn' | 'zoomOut' | 'fitView' | 'search' | 'colour' | 'controls' | 'presenter' | 'help';

export interface LabAction {
  name: LabActionName;
  label: string;
  /** Shown in button titles and the help dialog. */
  shortcut?: string;
  enabled: (phase: Phase, hasModel: boolean) => boolean;
  perform: () => void;
  keyTest?: (e: KeyboardEvent) => boolean;
  /** Listed in the shortcuts help (the start/pause/resume trio is listed once, as 'toggle'). */
  inHelp?: boolean;
}

const startable = (p: Phase) => p === 'idle' || p === 'done' || p === 'failed';
const always = () => true;
const key = (...keys: string[]) => (e: KeyboardEvent) => keys.includes(e.key);

function mapAction(name: LabActionName, cmd: MapCommand, label: string, shortcut: string, keys: string[]): LabAction {
  return { name, label, shortcut, enabled: () => hasMapCommand(cmd), perform: () => void runMapCommand(cmd), keyTest: key(...keys), inHelp: true };
}

/** The word search box of the lab (whichever component draws it): a search form's input. */
function focusSearch(): void {
  const input = document.querySelector<HTMLInputElement>('.lab [role="search"] input');
  if (!input) return;
  input.focus();
  input.select();
}

export const LAB_ACTIONS: Record<LabActionName, LabAction> = {
  start: { name: 'start', label: 'Start training', shortcut: 'Space', enabled: startable, perform: () => void startTraining() },
  pause: { name: 'pause', label: 'Pause', shortcut: 'Space', enabled: (p) => p === 'training', perform: pause },
  resume: { name: 'resume', label: 'Resume', shortcut: 'Space', enabled: (p) => p === 'paused', perform: resume },
  toggle: { name: 'toggle', label: 'Start, pause or resume training', shortcut: 'Space', enabled: always, perform: togglePause, keyTest: key(' '), inHelp: true },
  step: {
    name: 'step',
    label: 'Step',
    shortcut: '→',
    enabled: (p) => p === 'paused' || p === 'idle' || p === 'failed',
    perform: step,
    keyTest: key('ArrowRight'),
    inHelp: true,
  },
  reset: { name: 'reset', label: 'Reset', shortcut: 'R', enabled: (p, hasModel) => p !== 'idle' || hasModel, perform: reset, keyTest: key('r', 'R'), inHelp: true },
  zoomIn: mapAction('zoomIn', 'zoomIn', 'Zoom the map in', '+', ['+', '=']),
  zoomOut: mapAction('zoomOut', 'zoomOut', 'Zoom the map out', '−', ['-', '_']),
  fitView: mapAction('fitView', 'fitView', 'Fit the map to its points', '0', ['0']),
  colour: mapAction('colour', 'nextColouring', 'Next map colouring', 'C', ['c', 'C']),
  search: {
    name: 'search',
    label: 'Search a word',
    shortcut: '/',
    enabled: () => !useLabStore.getState().config.hide.includes('search'),
    perform: focusSearch,
    keyTest: key('/'),
    inHelp: true,
  },
  controls: {
    name: 'controls',
    label: 'Show or hide the settings drawer (presenter mode)',
    shortcut: 'D',
    enabled: () => useUiStore.getState().presenter,
    perform: () => useUiStore.getState().setDrawerOpen(!useUiStore.getState().drawerOpen),
    keyTest: key('d', 'D'),
    inHelp: true,
  },
  presenter: {
    name: 'presenter',
    label: 'Presenter mode on or off',
    shortcut: 'P',
    enabled: always,
    perform: () => useUiStore.getState().setPresenter(!useUiStore.getState().presenter),
    keyTest: key('p', 'P'),
    inHelp: true,
  },
  help: {
    name: 'help',
    label: 'Keyboard shortcuts (this list)',
    shortcut: '?',
    enabled: always,
    perform: () => useUiStore.getState().setHelpOpen(true),
    keyTest: key('?'),
    inHelp: true,
  },
};

/** Keys typed into a field belong to the field; space on a button already clicks that button. */
export function shortcutsAllowed(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  const t = e.target as HTMLElement | null;
  if (!t) return true;
  if (t.isContentEditable) return false;
  const tag = t.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return false;
  if (e.key === ' ' && (tag === 'BUTTON' || tag === 'A' || t.getAttribute('role') === 'button')) return false;
  if (t.closest('[role="slider"], [role="listbox"], [role="tablist"], .js-plotly-plot, dialog[open]')) return false;
  return true;
}

/** The action a key press means, if any (exported for tests of the table). */
export function actionForKey(e: KeyboardEvent): LabAction | null {
  for (const a of Object.values(LAB_ACTIONS)) if (a.keyTest?.(e)) return a;
  return null;
}

export function handleLabShortcut(e: KeyboardEvent): void {
  if (!shortcutsAllowed(e)) return;
  const a = actionForKey(e);
  if (!a) return;
  const s = useLabStore.getState();
  if (!a.enabled(s.phase, s.modelSource !== 'none')) return;
  e.preventDefault();
  a.perform();
}
