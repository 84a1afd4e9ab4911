import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
// @ts-expect-error: a plain .mjs script without types (it must run on old Node versions before anything is installed)
import { FLOOR, isOlder } from '../../scripts/checkNode.mjs';

describe('the Node.js floor', () => {
  it('compares versions part by part, numerically', () => {
    expect(isOlder('18.20.4', '20.19.0')).toBe(true);
    expect(isOlder('20.18.9', '20.19.0')).toBe(true);
    expect(isOlder('20.19.0', '20.19.0')).toBe(false);
    expect(isOlder('20.20.2', '20.19.0')).toBe(false);
    expect(isOlder('22.1.0', '20.19.0')).toBe(false);
    expect(isOlder('9.99.0', '20.19.0')).toBe(true);
  });

  it('matches "engines" in package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${(FLOOR as string).replace(/\.0$/, '')}`);
  });

  it('lets this Node through', () => {
    const r = spawnSync(process.execPath, ['scripts/checkNode.mjs'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});
