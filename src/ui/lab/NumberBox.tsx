// A number box for one lab setting or model parameter: it keeps the student's draft, says at once what is wrong with
// it, and commits only a value its parser accepts (on Enter or on leaving the box). Shared by SettingField (the lab's
// own settings table) and ModelParamField (a model's parameters from the registry), which differ only in the parser
// and where the value goes.
import { useState } from 'react';

export type ParseNumber = (raw: string) => { ok: true; value: unknown } | { ok: false; why: string };

export interface NumberBoxProps {
  id: string;
  label: string;
  help: string;
  min: number;
  max?: number;
  integer: boolean;
  value: number;
  parse: ParseNumber;
  commit: (value: unknown) => void;
}

export function NumberBox({ id, label, help, min, max, integer, value, parse, commit }: NumberBoxProps) {
  const [draft, setDraft] = useState(String(value));
  const [why, setWhy] = useState<string | null>(null);
  const tryCommit = (raw: string) => {
    const r = parse(raw);
    if (r.ok) {
      setWhy(null);
      if (r.value !== value) commit(r.value);
    } else setWhy(`${label}: ${r.why}.`);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        value={draft}
        title={help}
        aria-invalid={why ? true : undefined}
        aria-describedby={why ? `${id}-why` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const r = parse(e.target.value);
          setWhy(r.ok ? null : `${label}: ${r.why}.`);
        }}
        onBlur={(e) => tryCommit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') tryCommit((e.target as HTMLInputElement).value);
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
