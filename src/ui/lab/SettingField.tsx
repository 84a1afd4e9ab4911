// One control for one row of the settings table (labConfig.ts): a select for choices, a checkbox for on/off, a number
// box for numbers that only commits values the table accepts and says what it expects otherwise.
import { useId } from 'react';
import { setConfig } from '../../state/labController';
import { parseSetting, settingOf, type LabConfig } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';
import { NumberBox } from './NumberBox';

type Key = Exclude<keyof LabConfig, 'hide'>;

export function SettingField({ name, titles }: { name: Key; titles?: Record<string, string> }) {
  const s = settingOf(name);
  const value = useLabStore((st) => st.config[name]);
  const id = useId();
  if (s.type === 'enum') {
    return (
      <div className="field">
        <label htmlFor={id}>{s.label}</label>
        <select id={id} value={String(value)} title={s.help} onChange={(e) => setConfig({ [name]: e.target.value } as Partial<LabConfig>)}>
          {s.values.map((v) => (
            <option key={v} value={v}>
              {titles?.[v] ?? v}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (s.type === 'bool') {
    return (
      <label className="field checkbox" title={s.help}>
        <input type="checkbox" checked={Boolean(value)} onChange={(e) => setConfig({ [name]: e.target.checked } as Partial<LabConfig>)} />
        <span>{s.label}</span>
      </label>
    );
  }
  // Re-mount the number box when the value changes from elsewhere (URL, applied suggestion), dropping stale drafts.
  return <NumberField key={String(value)} name={name} value={Number(value)} id={id} />;
}

function NumberField({ name, value, id }: { name: Key; value: number; id: string }) {
  const s = settingOf(name);
  if (s.type !== 'int' && s.type !== 'float') return null;
  return (
    <NumberBox
      id={id}
      label={s.label}
      help={s.help}
      min={s.min}
      max={s.max}
      integer={s.type === 'int'}
      value={value}
      parse={(raw) => parseSetting(s, raw)}
      commit={(v) => setConfig({ [name]: v } as Partial<LabConfig>)}
    />
  );
}
