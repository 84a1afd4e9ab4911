// Start / Pause / Resume (one button whose name says what it will do), Step, Reset, and the demo speed.
import { useId } from 'react';
import { SPEEDS, setConfig } from '../../state/labController';
import type { SpeedChoice } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';
import { LAB_ACTIONS, type LabAction } from './labActions';

function ActionButton({ action, primary }: { action: LabAction; primary?: boolean }) {
  const phase = useLabStore((s) => s.phase);
  const hasModel = useLabStore((s) => s.modelSource !== 'none');
  return (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      disabled={!action.enabled(phase, hasModel)}
      onClick={action.perform}
      title={action.shortcut ? `Shortcut: ${action.shortcut}` : undefined}
    >
      {action.label}
    </button>
  );
}

/** Start/Pause/Resume (one button), Step and Reset: the lab's side column, or presenter mode's slim bar. */
export function TrainingButtons() {
  const phase = useLabStore((s) => s.phase);
  const main = phase === 'training' ? LAB_ACTIONS.pause : phase === 'paused' ? LAB_ACTIONS.resume : LAB_ACTIONS.start;
  const preparing = phase === 'loading' || phase === 'vocab' || phase === 'encoding' || phase === 'probing';
  return (
    <div className="button-row">
      {preparing ? (
        <button type="button" className="primary" disabled>
          Preparing…
        </button>
      ) : (
        <ActionButton action={main} primary />
      )}
      <ActionButton action={LAB_ACTIONS.step} />
      <ActionButton action={LAB_ACTIONS.reset} />
    </div>
  );
}

export function SpeedSelect() {
  const speed = useLabStore((s) => s.config.speed);
  const speedId = useId();
  return (
    <div className="field">
      <label htmlFor={speedId}>Speed</label>
      <select id={speedId} value={speed} onChange={(e) => setConfig({ speed: e.target.value as SpeedChoice })}>
        {(Object.keys(SPEEDS) as SpeedChoice[]).map((k) => (
          <option key={k} value={k}>
            {SPEEDS[k].label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TrainingControls({ showSpeed }: { showSpeed: boolean }) {
  return (
    <div className="training-controls" role="group" aria-label="Training controls">
      <TrainingButtons />
      {showSpeed && <SpeedSelect />}
      <p className="muted small">Keys: Space starts, pauses and resumes; → steps; ? lists every shortcut.</p>
    </div>
  );
}
