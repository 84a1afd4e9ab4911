// Runs one trainer as its own process, so that its memory is its own, and measures it from outside:
// wall seconds, peak resident memory (GNU time's %M when /usr/bin/time exists, else polling /proc/PID/status VmHWM),
// stdout (a trainer prints one JSON line there) and the arrival time of each stderr chunk (for fastText, whose
// training time is read off its own progress messages).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';
/** How often to sample VmHWM when GNU time is missing: the high-water mark only grows, so slow polling is fine. */
const POLL_MS = 200;
const KB_PER_MB = 1024;

export interface StderrChunk {
  /** Milliseconds since the process was started. */
  atMs: number;
  /** CPU seconds (user + system) the trainer process had used when the chunk arrived, when /proc tells. */
  cpuSeconds?: number;
  text: string;
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallSeconds: number;
  peakRssMB: number | null;
  stdout: string;
  stderr: StderrChunk[];
}

function readHwmMB(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / KB_PER_MB : null;
  } catch {
    return null;
  }
}

/** Kernel clock ticks per second for /proc/PID/stat times (USER_HZ: 100 on every Linux build in practice). */
const CLOCK_TICKS = 100;
// Fields 14 and 15 of /proc/PID/stat (utime, stime) counted after the ") " that ends the command name.
const UTIME_FIELD = 11;

/** CPU seconds used so far by a process, or undefined when /proc is unavailable. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[UTIME_FIELD]) + Number(fields[UTIME_FIELD + 1])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** The process doing the work: GNU time's only child when wrapped, else the spawned process itself. */
function workerPid(pid: number, wrapped: boolean): number | undefined {
  if (!wrapped) return pid;
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return kids.length ? Number(kids[0]) : undefined;
  } catch {
    return undefined;
  }
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each complete stderr line (progress), e.g. to echo it with a prefix. */
  onStderrLine?: (line: string) => void;
  timeoutMs?: number;
}

/** The child processes running now, so that Ctrl-C on the bench stops them too. */
export const running = new Set<import('node:child_process').ChildProcess>();

export function runChild(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<ChildResult> {
  const useTime = existsSync(GNU_TIME);
  const tmp = useTime ? mkdtempSync(join(tmpdir(), 'lab-bench-')) : '';
  const timeFile = join(tmp, 'maxrss');
  const argv = useTime ? ['-f', '%M', '-o', timeFile, cmd, ...args] : [...args];
  const start = performance.now();
  const child = spawn(useTime ? GNU_TIME : cmd, argv, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  const stderr: StderrChunk[] = [];
  let pending = '';
  let polledMB: number | null = null;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        const mb = child.pid ? readHwmMB(child.pid) : null;
        if (mb !== null) polledMB = Math.max(polledMB ?? 0, mb);
      }, POLL_MS);
  const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs) : undefined;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    const text = d.toString();
    const pid = child.pid ? workerPid(child.pid, useTime) : undefined;
    stderr.push({ atMs: performance.now() - start, cpuSeconds: pid ? cpuSecondsOf(pid) : undefined, text });
    if (opts.onStderrLine) {
      pending += text;
      const parts = pending.split(/[\r\n]+/);
      pending = parts.pop() ?? '';
      for (const p of parts) if (p.trim()) opts.onStderrLine(p);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      running.delete(child);
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      const wallSeconds = (performance.now() - start) / 1000;
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      let peak: number | null = polledMB;
      if (useTime) {
        try {
          const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
          peak = Number.isFinite(kb) && kb > 0 ? kb / KB_PER_MB : null;
        } catch {
          peak = null;
        }
        rmSync(tmp, { recursive: true, force: true });
      }
      resolve({ code, signal, wallSeconds, peakRssMB: peak === null ? null : Math.round(peak), stdout, stderr });
    });
  });
}

/** The last line of stdout that parses as a JSON object. */
export function lastJsonLine(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const l of lines) {
    if (!l.startsWith('{')) continue;
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      /* not JSON: keep looking */
    }
  }
  return undefined;
}

/** The last few lines of stderr, to explain a failure. */
export function stderrTail(r: ChildResult, lines = 3): string {
  return r.stderr
    .map((c) => c.text)
    .join('')
    .split(/[\r\n]+/)
    .filter((l) => l.trim())
    .slice(-lines)
    .join(' | ');
}
