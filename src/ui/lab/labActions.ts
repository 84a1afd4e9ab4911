// The lab's actions, declared once (excalidraw's register({ name, label, perform, keyTest }) habit): buttons and
// keyboard shortcuts both go through this table, so "space" and the Pause button can never disagree.
import { pause, reset, resume, startTraining, step, togglePause } from '../../state/labController';
import type { Phase } from '../../workers/trainerMessages';

export interface LabAction {
  name: 'start' | 'pause' | 'resume' | 'step' | 'reset' | 'toggle';
  label: string;
  /** Shown in the button's title so the shortcut can be discovered. */
  shortcut?: string;
  enabled: (phase: Phase, hasModel: boolean) => boolean;
  perform: () => void;
  keyTest?: (e: KeyboardEvent) => boolean;
}

const startable = (p: Phase) => p === 'idle' || p === 'done' || p === 'failed';

export const LAB_ACTIONS: Record<LabAction['name'], LabAction> = {
  start: { name: 'start', label: 'Start training', shortcut: 'Space', enabled: startable, perform: () => void startTraining() },
  pause: { name: 'pause', label: 'Pause', shortcut: 'Space', enabled: (p) => p === 'training', perform: pause },
  resume: { name: 'resume', label: 'Resume', shortcut: 'Space', enabled: (p) => p === 'paused', perform: resume },
  step: {
    name: 'step',
    label: 'Step',
    shortcut: 'Right arrow',
    enabled: (p) => p === 'paused' || p === 'idle' || p === 'failed',
    perform: step,
    keyTest: (e) => e.key === 'ArrowRight',
  },
  reset: { name: 'reset', label: 'Reset', enabled: (p, hasModel) => p !== 'idle' || hasModel, perform: reset },
  toggle: { name: 'toggle', label: 'Start, pause or resume', enabled: () => true, perform: togglePause, keyTest: (e) => e.key === ' ' },
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
  if (t.closest('[role="slider"], [role="listbox"], [role="tablist"], .js-plotly-plot')) return false;
  return true;
}

export function handleLabShortcut(e: KeyboardEvent): void {
  if (!shortcutsAllowed(e)) return;
  for (const a of Object.values(LAB_ACTIONS)) {
    if (a.keyTest?.(e)) {
      e.preventDefault();
      a.perform();
      return;
    }
  }
}
