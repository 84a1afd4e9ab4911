// Sharing: the URL holds every setting (seed included), so a link reproduces the lab. An instructor can hide control
// groups for a focused lab (`hide=`); "Share link" copies the link.
import { useId, useState } from 'react';
import { setConfig } from '../../state/labController';
import { CONTROL_GROUPS, type ControlGroup } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';

async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard permission refused (or an insecure context): select the link so Ctrl+C copies it.
    input?.focus();
    input?.select();
    return false;
  }
}

export function ShareLink() {
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const id = useId();
  return (
    <div className="share-link">
      <button
        type="button"
        onClick={async () => {
          const url = window.location.href;
          setLink(url);
          const input = document.getElementById(id) as HTMLInputElement | null;
          const ok = await copy(url, input);
          setNote(ok ? 'Link copied: it opens this lab with the same settings and seed.' : 'Copy the selected link (Ctrl+C).');
        }}
      >
        Share link
      </button>
      <label htmlFor={id} className="visually-hidden">
        Link to this lab
      </label>
      <input id={id} className={link ? 'share-url' : 'visually-hidden'} readOnly value={link} tabIndex={link ? 0 : -1} />
      {note && (
        <span role="status" className="small ok">
          {note}
        </span>
      )}
    </div>
  );
}

/** `onHideSelf`: the instructor ticked "Instructor panel" here; the page keeps the panel in this tab (the link hides it). */
export function InstructorPanel({ onHideSelf }: { onHideSelf?: () => void }) {
  const hide = useLabStore((s) => s.config.hide);
  const toggle = (g: ControlGroup, on: boolean) => {
    if (g === 'instructor' && on) onHideSelf?.();
    setConfig({ hide: on ? [...hide, g] : hide.filter((x) => x !== g) });
  };
  return (
    <details className="instructor-panel">
      <summary>Instructor: share a focused lab</summary>
      <p className="small">Tick what to hide from students, then press Share link. The link keeps every setting and the seed.</p>
      {hide.includes('instructor') && (
        <p className="small muted" role="note">
          This panel is hidden in the link; it stays here for you, and anyone can bring it back with “Show instructor panel”.
        </p>
      )}
      <fieldset>
        <legend>Hide these controls</legend>
        <div className="hide-grid">
          {(Object.keys(CONTROL_GROUPS) as ControlGroup[]).map((g) => (
            <label key={g} className="field checkbox">
              <input type="checkbox" checked={hide.includes(g)} onChange={(e) => toggle(g, e.target.checked)} />
              <span>{CONTROL_GROUPS[g]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
