// Ctrl-C handling with a fake clock: the first signal asks for a stop; a repeat within a second (npm forwarding the
// same key press) is ignored; a real second press removes the partial files and quits with 130.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPEAT_SIGNAL_MS, watchInterrupt } from '../../src/cli/interrupt';

afterEach(() => vi.restoreAllMocks());

describe('watchInterrupt', () => {
  it('takes signals within a second as one press, and quits on a later one after removing partial files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-interrupt-'));
    const partial = join(dir, 'v.txt.partial');
    writeFileSync(partial, 'half');
    let t = 1_000;
    const lines: string[] = [];
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const w = watchInterrupt((l) => lines.push(l), () => t);
    try {
      w.track(partial);
      expect(w.requested()).toBe(false);
      process.emit('SIGINT', 'SIGINT');
      expect(w.requested()).toBe(true);
      t += REPEAT_SIGNAL_MS - 1;
      process.emit('SIGINT', 'SIGINT'); // npm's forwarded copy of the same press
      process.emit('SIGTERM', 'SIGTERM');
      expect(exit).not.toHaveBeenCalled();
      expect(existsSync(partial)).toBe(true);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^stopping \(SIGINT\) after the current step/);
      t += 2;
      process.emit('SIGINT', 'SIGINT');
      expect(exit).toHaveBeenCalledWith(130);
      expect(existsSync(partial)).toBe(false);
      expect(lines[1]).toBe(`stopped: quit at once on a second SIGINT; removed ${partial}`);
    } finally {
      w.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops listening when disposed', () => {
    const before = process.listenerCount('SIGINT');
    const w = watchInterrupt(() => {});
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    w.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
