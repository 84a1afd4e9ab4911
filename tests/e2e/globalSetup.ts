// Builds the lab once into a private folder and serves it with `vite preview` on a free 127.0.0.1 port.
// Each test run gets its own build folder, so several runs (or developers) never overwrite each other's files.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The folder the lab was built into and is served from; '' when LAB_URL points at a server of its own. */
    buildDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr && typeof addr === 'object') srv.close(() => resolve(addr.port));
      else reject(new Error('no port'));
    });
  });
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // vitest sets NODE_ENV=test, and a vite build that inherits it is a development build (React's dev mode, twice
    // the size, slower): the browser tests must drive what users get.
    const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

let server: ChildProcess | undefined;
let outDir: string | undefined;

export default async function setup(project: TestProject) {
  const existing = process.env.LAB_URL;
  if (existing) {
    project.provide('baseURL', existing.replace(/\/$/, ''));
    project.provide('buildDir', '');
    return;
  }
  // The corpora are built files (public/corpora, not committed): a fresh clone running only the browser tests must
  // get them too, as `npm test` does. The script skips what is already there.
  await run('npm', ['run', '--silent', 'corpora']);
  outDir = mkdtempSync(join(tmpdir(), 'embedding-lab-e2e-'));
  await run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
  const port = await freePort();
  server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in 60 s')), 60_000);
    server!.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.on('exit', (code) => reject(new Error(`vite preview exited ${code}`)));
  });
  project.provide('baseURL', `http://127.0.0.1:${port}`);
  project.provide('buildDir', outDir);
  return async () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  };
}
