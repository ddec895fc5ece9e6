/**
 * With `--hcl-style policy-document`, each file's `aws_iam_policy_document` data sources are Terraform
 * addresses like any other: two definitions written to one directory must not meet at one, and the run is
 * refused before anything is written, naming both definitions.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deputyProcess, temporaryDirectory } from './support/run-cli.js';

/** Role `ml` gets data `ml_assume_role`; a bucket policy named `ml-assume-role` gets the same data label. */
function definitions(): string {
  const dir = temporaryDirectory();
  writeFileSync(join(dir, 'a.yaml'), 'version: 1\nroles:\n  - name: ml\n    trustedServices:\n      - service: personalize\n');
  writeFileSync(
    join(dir, 'b.yaml'),
    'version: 1\nresourcePolicies:\n  - name: ml-assume-role\n    attachTo: { s3Bucket: shared-trail-logs }\n    grants:\n      - service: cloudtrail\n        actions: ["s3:PutObject"]\n',
  );
  return dir;
}

const COLLISION =
  'error: b.yaml: Terraform address data.aws_iam_policy_document.ml_assume_role is declared by both a.yaml and b.yaml (definitions written to one directory form one Terraform configuration: rename the role or policy in one of them (labels are the names in snake_case), or emit them into different --out-dir directories)\n';

describe('policy-document data sources in the cross-definition address check', () => {
  it('emit refuses two definitions producing one data address, before anything is written', () => {
    const dir = definitions();
    expect(deputyProcess(['emit', '.', '--target', 'hcl', '--hcl-style', 'policy-document', '--out-dir', 'out'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: COLLISION });
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('check refuses them the same way', () => {
    const dir = definitions();
    expect(deputyProcess(['check', '.', '--target', 'hcl,tf-json', '--hcl-style', 'policy-document', '--out-dir', 'out'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: COLLISION });
  });

  it('a definition already in the output directory counts: emitting the other one alone is refused', () => {
    const dir = definitions();
    const only = (file: string) => deputyProcess(['emit', file, '--target', 'hcl', '--hcl-style', 'policy-document', '--out-dir', 'out'], { cwd: dir });
    expect(only('a.yaml').code).toBe(0);
    const result = only('b.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Terraform address data.aws_iam_policy_document.ml_assume_role is declared by both a.yaml and b.yaml');
    expect(existsSync(join(dir, 'out', 'hcl', 'b.tf'))).toBe(false);
  });

  it('with jsonencode (no data sources) the same definitions share one directory', () => {
    const dir = definitions();
    const result = deputyProcess(['emit', '.', '--target', 'hcl', '--out-dir', 'out'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'hcl', 'b.tf'), 'utf8')).toContain('resource "aws_s3_bucket_policy" "ml_assume_role"');
  });
});
