// One control for one parameter of the chosen model, straight from its registry entry (src/core/models): a select
// for choices, a checkbox for on/off, a number box that only commits values the spec accepts and says what it
// expects otherwise. The value lives in the lab config's per-model parameters.
import { useId } from 'react';
import { parseParam } from '../../core/models';
import type { ParamSpec, ParamValue } from '../../core/models/types';
import { paramsOf, withParam } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';
import { NumberBox } from './NumberBox';

function setParam(key: string, value: ParamValue): void {
  const s = useLabStore.getState();
  s.set({ config: withParam(s.config, key, value) });
}

export function ModelParamField({ spec }: { spec: ParamSpec }) {
  const value = useLabStore((st) => paramsOf(st.config)[spec.key]);
  const id = useId();
  if (spec.type === 'enum') {
    return (
      <div className="field">
        <label htmlFor={id}>{spec.label}</label>
        <select id={id} value={String(value)} title={spec.help} onChange={(e) => setParam(spec.key, e.target.value)}>
          {spec.values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.type === 'bool') {
    return (
      <label className="field checkbox" title={spec.help}>
        <input type="checkbox" checked={Boolean(value)} onChange={(e) => setParam(spec.key, e.target.checked)} />
        <span>{spec.label}</span>
      </label>
    );
  }
  // Re-mount when the value changes from elsewhere (URL, applied suggestion), dropping stale drafts.
  return <ParamNumber key={String(value)} spec={spec} value={Number(value)} id={id} />;
}

function ParamNumber({ spec, value, id }: { spec: ParamSpec & { type: 'int' | 'float' }; value: number; id: string }) {
  return (
    <NumberBox
      id={id}
      label={spec.label}
      help={spec.help}
      min={spec.min}
      max={spec.max}
      integer={spec.type === 'int'}
      value={value}
      parse={(raw) => parseParam(spec, raw)}
      commit={(v) => setParam(spec.key, v as ParamValue)}
    />
  );
}
