/**
 * nx must never restore `deputy emit` outputs from its cache: a restored output would silently replace a hand
 * edit that `emit` itself refuses to overwrite. Every nx target in the repository that runs `deputy … emit`
 * is uncached (the @deputy/nx-plugin's inferred `emit` is tested in that package).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const EXAMPLES_PROJECT = fileURLToPath(new URL('../../../examples/project.json', import.meta.url));

interface ProjectTarget {
  readonly cache?: boolean;
  readonly options?: { readonly command?: string; readonly commands?: readonly string[] };
}

describe('nx targets that run deputy emit', () => {
  it('are not cached in examples/project.json', () => {
    const project = JSON.parse(readFileSync(EXAMPLES_PROJECT, 'utf8')) as { targets: Record<string, ProjectTarget> };
    const emitting = Object.entries(project.targets).filter(([, target]) => [target.options?.command ?? '', ...(target.options?.commands ?? [])].some((command) => / emit /.test(command)));
    expect(emitting.map(([name]) => name).sort()).toEqual(expect.arrayContaining(['cfn', 'hcl', 'json']));
    for (const [name, target] of emitting) expect(target.cache, name).toBe(false);
  });
});
