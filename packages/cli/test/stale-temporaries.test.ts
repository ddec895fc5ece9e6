/**
 * Temporary siblings left by a killed run (`<name>.<pid>.<n>.tmp`) are removed by the next run that generates
 * that name, when their process is gone; a running process's, and siblings of names deputy does not generate,
 * are left alone.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deputyProcess, temporaryDirectory } from './support/run-cli.js';

/** The ID of a process that has exited. */
function deadProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('temporary files a killed run left', () => {
  it('are removed when their process is gone and the name is generated here; others are kept', () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }));
    const convert = (): number => deputyProcess(['convert', 'p.json', '--target', 'json', '--out-dir', 'out'], { cwd: dir }).code;
    expect(convert()).toBe(0);
    const out = join(dir, 'out', 'json');
    const dead = deadProcessId();
    const leftovers = {
      killedRun: `p.json.${dead}.k1.tmp`,
      killedManifestWrite: `.deputy-manifest.json.${dead}.mz8x.tmp`,
      runningProcess: `p.json.${process.pid}.k2.tmp`,
      notGenerated: `notes.txt.${dead}.k3.tmp`,
      notATemporaryName: 'p.json.tmp',
    };
    for (const name of Object.values(leftovers)) writeFileSync(join(out, name), 'half');
    expect(convert()).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.deputy-manifest.json', 'p.json', leftovers.runningProcess, leftovers.notGenerated, leftovers.notATemporaryName].sort());
  });
});
