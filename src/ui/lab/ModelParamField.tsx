// One control for one parameter of the chosen model, straight from its registry entry (src/core/models): a select
// for choices, a checkbox for on/off, a number box that only commits values the spec accepts and says what it
// expects otherwise. The value lives in the lab config's per-model parameters.
import { useId, useState } from 'react';
import { parseParam } from '../../core/models';
import type { ParamSpec, ParamValue } from '../../core/models/types';
import { paramsOf, withParam } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';

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
  const [draft, setDraft] = useState(String(value));
  const [why, setWhy] = useState<string | null>(null);
  const commit = (raw: string) => {
    const r = parseParam(spec, raw);
    if (r.ok) {
      setWhy(null);
      if (r.value !== value) setParam(spec.key, r.value);
    } else setWhy(`${spec.label}: ${r.why}.`);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        type="number"
        inputMode={spec.type === 'int' ? 'numeric' : 'decimal'}
        min={spec.min}
        max={spec.max}
        step={spec.type === 'int' ? 1 : 'any'}
        value={draft}
        title={spec.help}
        aria-invalid={why ? true : undefined}
        aria-describedby={why ? `${id}-why` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const r = parseParam(spec, e.target.value);
          setWhy(r.ok ? null : `${spec.label}: ${r.why}.`);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
      {why && (
        <span id={`${id}-why`} className="error small">
          {why}
        </span>
      )}
    </div>
  );
}
