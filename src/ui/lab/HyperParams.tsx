// Every hyper-parameter of the core, straight from the settings table, plus a note when the running model was
// started with other values (a trainer's settings are fixed when it is created).
import { pendingRestartKeys, reset, startTraining } from '../../state/labController';
import { MODEL_TITLES, settingOf } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';
import { SettingField } from './SettingField';

const NUMERIC = ['dim', 'window', 'negative', 'alpha', 'epochs', 'minCount', 'maxVocab', 'sample', 'seed'] as const;

export function HyperParams() {
  // Re-render when either config changes, to recompute the pending list.
  useLabStore((s) => s.config);
  useLabStore((s) => s.runningConfig);
  const pending = pendingRestartKeys();
  return (
    <fieldset className="hyper-params">
      <legend>Model</legend>
      <SettingField name="model" titles={MODEL_TITLES} />
      <SettingField name="hs" />
      <div className="field-grid">
        {NUMERIC.map((k) => (
          <SettingField key={k} name={k} />
        ))}
      </div>
      {pending.length > 0 && (
        <div className="pending" role="status">
          <p>
            Changed since this model started: {pending.map((k) => settingOf(k).label.toLowerCase()).join(', ')}. The running model keeps
            its settings.
          </p>
          <button
            type="button"
            onClick={() => {
              reset();
              void startTraining();
            }}
          >
            Restart with new settings
          </button>
        </div>
      )}
    </fieldset>
  );
}
