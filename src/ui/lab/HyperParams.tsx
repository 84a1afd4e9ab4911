// Every hyper-parameter: the model picker and the common settings from the lab's table, the chosen model's own
// parameters from its registry entry; plus a note when the running model was started with other values (a
// trainer's settings are fixed when it is created).
import { getModel, hasModel } from '../../core/models';
import { pendingRestartKeys, reset, startTraining } from '../../state/labController';
import { modelParamRows, modelTitles, settingOf } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';
import { ModelParamField } from './ModelParamField';
import { SettingField } from './SettingField';

const COMMON_NUMERIC = ['epochs', 'minCount', 'maxVocab', 'seed'] as const;

export function HyperParams() {
  // Re-render when either config changes, to recompute the pending list.
  useLabStore((s) => s.config);
  useLabStore((s) => s.runningConfig);
  const model = useLabStore((s) => s.config.model);
  const pending = pendingRestartKeys();
  const rows = modelParamRows(model);
  return (
    <fieldset className="hyper-params">
      <legend>Model</legend>
      <SettingField name="model" titles={modelTitles()} />
      {hasModel(model) && <p className="muted small model-summary">{getModel(model).summary}.</p>}
      {rows.filter((p) => p.type === 'bool').map((p) => (
        <ModelParamField key={`${model}-${p.key}`} spec={p} />
      ))}
      <div className="field-grid">
        <SettingField name="dim" />
        {rows.filter((p) => p.type !== 'bool').map((p) => (
          <ModelParamField key={`${model}-${p.key}`} spec={p} />
        ))}
        {COMMON_NUMERIC.map((k) => (
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
