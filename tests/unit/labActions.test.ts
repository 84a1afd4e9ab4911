// The lab's one action table: every shortcut listed in the help is a key that triggers exactly that action.
import { describe, expect, it } from 'vitest';
import { actionForKey, LAB_ACTIONS } from '../../src/ui/lab/labActions';

/** The key a shortcut label stands for (labels are written for people: "Space", "→", "R", "−"). */
const KEY_OF: Record<string, string> = { Space: ' ', '→': 'ArrowRight', '−': '-' };

function press(key: string): KeyboardEvent {
  return { key } as KeyboardEvent;
}

describe('lab action table', () => {
  const listed = Object.values(LAB_ACTIONS).filter((a) => a.inHelp);

  it('lists start/pause, step, reset, zoom, search, colour, settings, presenter and help', () => {
    expect(listed.map((a) => a.name).sort()).toEqual(
      ['colour', 'controls', 'fitView', 'help', 'presenter', 'reset', 'search', 'step', 'toggle', 'zoomIn', 'zoomOut'].sort(),
    );
  });

  it('each listed shortcut, pressed, selects that action and no other', () => {
    for (const a of listed) {
      expect(a.shortcut, a.name).toBeTruthy();
      const key = KEY_OF[a.shortcut!] ?? a.shortcut!.toLowerCase();
      expect(actionForKey(press(key))?.name, `${a.shortcut} -> ${a.name}`).toBe(a.name);
    }
  });

  it('no two actions answer the same key', () => {
    const keys = [' ', 'ArrowRight', 'r', 'R', '+', '=', '-', '_', '0', '/', 'c', 'C', 'd', 'D', 'p', 'P', '?'];
    for (const k of keys) {
      const hits = Object.values(LAB_ACTIONS).filter((a) => a.keyTest?.(press(k)));
      expect(hits.length, k).toBe(1);
    }
    expect(actionForKey(press('x'))).toBeNull();
  });
});
