// The "?" dialog: every keyboard shortcut of the lab, read from the same action table the keys and buttons use.
// A native modal <dialog>: focus moves into it, Escape closes it, and focus returns to where it was.
import { useEffect, useReducer, useRef } from 'react';
import { useUiStore } from '../../state/uiStore';
import { LAB_ACTIONS } from './labActions';
import { hasMapCommand, onMapCommandsChange, type MapCommand } from './mapCommands';

const MAP_OF: Partial<Record<string, MapCommand>> = { zoomIn: 'zoomIn', zoomOut: 'zoomOut', fitView: 'fitView', colour: 'nextColouring' };

export function ShortcutHelpButton() {
  const setHelpOpen = useUiStore((s) => s.setHelpOpen);
  return (
    <button type="button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
      ?
    </button>
  );
}

export function ShortcutHelp() {
  const open = useUiStore((s) => s.helpOpen);
  const setHelpOpen = useUiStore((s) => s.setHelpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onMapCommandsChange(rerender), []);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const rows = Object.values(LAB_ACTIONS).filter((a) => a.inHelp);
  return (
    <dialog ref={ref} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={() => setHelpOpen(false)}>
      <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
      <p className="small muted">They work anywhere on the Lab page except while typing in a field.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const cmd = MAP_OF[a.name];
            const missing = cmd !== undefined && !hasMapCommand(cmd);
            return (
              <tr key={a.name}>
                <td>
                  <kbd>{a.shortcut}</kbd>
                </td>
                <td>
                  {a.label}
                  {missing && <span className="muted"> (this map does not offer it)</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
