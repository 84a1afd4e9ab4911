// Which engine does the arithmetic, and which one actually runs (after "auto" probed, or after a fallback).
import { ENGINE_TITLES } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';
import { SettingField } from './SettingField';

export function EnginePicker({ showSelect }: { showSelect: boolean }) {
  const active = useLabStore((s) => s.activeEngine);
  const note = useLabStore((s) => s.engineNote);
  return (
    <div className="engine-picker">
      {showSelect && <SettingField name="engine" titles={ENGINE_TITLES} />}
      <p className="small">
        Active backend: <output aria-label="Active backend" aria-live="off" className="strong">{active ?? 'none yet'}</output>
        {active && <span className="muted"> ({ENGINE_TITLES[active]})</span>}
      </p>
      {note && <p className="muted small">{note}</p>}
    </div>
  );
}
