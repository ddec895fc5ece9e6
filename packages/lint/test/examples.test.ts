/**
 * `deputy lint examples/` is clean: the committed example definitions and everything deputy generated from
 * them (JSON, Terraform, CloudFormation, tf-json) lint without a finding.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lint } from '../src/index.js';
import { requireSharedInput } from './support/shared-input.js';

const REPOSITORY = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const GENERATED = join(REPOSITORY, 'examples', 'generated');

describe('deputy lint examples/', () => {
  if (!requireSharedInput(GENERATED, 'linting the generated examples')) {
    test.skip('examples/generated is absent', () => undefined);
    return;
  }

  test('is clean, and reads every generated target', async () => {
    const result = await lint(['examples'], { cwd: REPOSITORY });
    expect(result.findings.map((finding) => `${finding.file}:${finding.line}: ${finding.ruleId} ${finding.message}`)).toEqual([]);
    for (const target of readdirSync(GENERATED).filter((name) => existsSync(join(GENERATED, name)))) {
      expect(result.files.some((file) => file.startsWith(`examples/generated/${target}/`)), `a file of examples/generated/${target} was linted`).toBe(true);
    }
    expect(result.policyCount).toBeGreaterThan(0);
  });
});
