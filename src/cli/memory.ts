// Peak resident memory of this process, as the bench and the reference tools report it (VmHWM, the kernel's
// high-water mark of resident pages). Falls back to Node's maxRSS where /proc is missing (macOS, Windows).
import { readFileSync } from 'node:fs';

const KB_PER_MB = 1024;

export function peakRssMB(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    if (m) return Math.round(Number(m[1]) / KB_PER_MB);
  } catch {
    /* no /proc: use Node's own figure below */
  }
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / KB_PER_MB);
}
