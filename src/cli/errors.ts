// The command line's two kinds of failure, and the one place that turns any thrown value into a single clear line.
// Exit codes follow the Unix habit: 2 = the command was written wrong (usage), 1 = it was right but failed at run
// time (missing file, broken vectors, divergence), 130 = stopped with Ctrl-C (128 + SIGINT).

export const EXIT_RUNTIME = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/** The command line itself is wrong: unknown flag, bad number, missing required option. */
export class UsageError extends Error {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** A run-time failure whose message is already written for the user. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Ctrl-C: the work stopped on request; nothing half-written was left behind. */
export class InterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InterruptedError';
  }
}

interface NodeSystemError {
  code?: string;
  path?: string;
  syscall?: string;
}

const FILE_ERROR_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
};

/** Node's file errors ("ENOENT: no such file or directory, open '/x'") in plain words, or undefined. */
export function describeFileError(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const e = err as Error & NodeSystemError;
  if (!e.code || !e.syscall) return undefined;
  const what = FILE_ERROR_TEXT[e.code] ?? e.code;
  const verb = e.syscall === 'open' || e.syscall === 'read' ? 'cannot read' : `cannot ${e.syscall}`;
  return e.path ? `${verb} ${e.path}: ${what}` : `${verb}: ${what}`;
}

/** The exit code and the one line to print for any error. Never a stack trace. */
export function explain(err: unknown): { code: number; message: string } {
  if (err instanceof UsageError) {
    const hint = err.command ? ` (see: npm run cli -- ${err.command} --help)` : ' (see: npm run cli -- --help)';
    return { code: EXIT_USAGE, message: `error: ${err.message}${hint}` };
  }
  if (err instanceof InterruptedError) return { code: EXIT_INTERRUPTED, message: `stopped: ${err.message}` };
  const file = describeFileError(err);
  if (file) return { code: EXIT_RUNTIME, message: `error: ${file}` };
  if (err instanceof Error) return { code: EXIT_RUNTIME, message: `error: ${err.message}` };
  return { code: EXIT_RUNTIME, message: `error: ${String(err)}` };
}
