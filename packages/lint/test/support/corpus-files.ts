/**
 * The generated corpus as files: `test/corpus/generated/<syntax>/<case>[--<weakening>].<ext>` with the
 * findings each must produce, written to disk only with `DEPUTY_UPDATE_GOLDENS=1` and otherwise compared
 * byte for byte with what is committed.
 */
import { BASE_CASES, mutation, type Expectation, type Json, type PolicyJson } from './corpus-cases.js';
import { label, SYNTAXES, writePolicy, yaml, type CorpusSyntax } from './corpus-writers.js';

/** One corpus file. */
export interface CorpusFile {
  /** Path relative to `test/corpus/generated`. */
  readonly path: string;
  /** Its text. */
  readonly contents: string;
  /** The findings it must produce, exactly. */
  readonly expected: readonly Expectation[];
  /** The syntax it is written in. */
  readonly syntax: CorpusSyntax | 'lambda-permission';
  /** The policy it encodes (absent for Lambda permissions). */
  readonly policy?: PolicyJson;
}

/** Every corpus file, in a fixed order. */
export function corpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const syntax of Object.keys(SYNTAXES) as CorpusSyntax[]) {
    for (const base of BASE_CASES) {
      const variants: { suffix: string; policy: PolicyJson; expected: Expectation[] }[] = [
        { suffix: '', policy: base.policy, expected: [] },
        ...base.mutations.map((name) => ({ suffix: `--${name}`, policy: mutation(name).apply(base.policy), expected: [mutation(name).expect(base.policy)] })),
      ];
      for (const variant of variants) {
        const stem = `${base.name}${variant.suffix}`;
        files.push({ path: `${syntax}/${stem}${SYNTAXES[syntax]}`, contents: writePolicy(syntax, variant.policy, base.attachment, stem), expected: variant.expected, syntax, policy: variant.policy });
      }
    }
  }
  files.push(...lambdaPermissionFiles());
  return files;
}

/** The committed manifest of expectations, for readers of the corpus. */
export function expectationManifest(files: readonly CorpusFile[]): string {
  const manifest = Object.fromEntries(files.map((file) => [file.path, file.expected.map((expected) => ({ rule: expected.rule, severity: expected.severity, line: expected.line.source }))]));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const PERMISSION = {
  action: 'lambda:InvokeFunction',
  function_name: 'thumbnailer',
  principal: 's3.amazonaws.com',
  source_arn: 'arn:aws:s3:::uploads-111122223333',
  source_account: '111122223333',
};

type Permission = Partial<typeof PERMISSION>;

const PERMISSION_VARIANTS: readonly { suffix: string; permission: Permission; expected: Expectation[] }[] = [
  { suffix: '', permission: PERMISSION, expected: [] },
  { suffix: '--conditions-stripped', permission: { ...PERMISSION, source_arn: undefined, source_account: undefined }, expected: [{ rule: 'DPT001', severity: 'error', line: /s3\.amazonaws\.com/ }] },
  { suffix: '--source-account-dropped', permission: { ...PERMISSION, source_account: undefined }, expected: [{ rule: 'DPT002', severity: 'error', line: /source_arn|SourceArn/ }] },
  {
    suffix: '--source-arn-other-service',
    permission: { ...PERMISSION, source_arn: 'arn:aws:sns:us-east-1:111122223333:uploads' },
    expected: [{ rule: 'DPT005', severity: 'error', line: /arn:aws:sns/ }],
  },
];

const CFN_NAMES: Record<keyof typeof PERMISSION, string> = {
  action: 'Action',
  function_name: 'FunctionName',
  principal: 'Principal',
  source_arn: 'SourceArn',
  source_account: 'SourceAccount',
};

function lambdaPermissionFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const variant of PERMISSION_VARIANTS) {
    const stem = `s3-invoke-permission${variant.suffix}`;
    const present = Object.entries(variant.permission).filter((entry): entry is [keyof typeof PERMISSION, string] => entry[1] !== undefined);
    const width = Math.max(...present.map(([key]) => key.length));
    const hcl = `resource "aws_lambda_permission" "${label(stem)}" {\n${present.map(([key, value]) => `  ${key.padEnd(width)} = ${JSON.stringify(value)}`).join('\n')}\n}\n`;
    const template: Json = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: { Subject: { Type: 'AWS::Lambda::Permission', Properties: Object.fromEntries(present.map(([key, value]) => [CFN_NAMES[key], value])) } },
    };
    const common = { expected: variant.expected, syntax: 'lambda-permission' as const };
    files.push({ ...common, path: `lambda-permission/${stem}.tf`, contents: hcl });
    files.push({ ...common, path: `lambda-permission/${stem}.yaml`, contents: `${yaml(template, '')}\n` });
    files.push({ ...common, path: `lambda-permission/${stem}.template.json`, contents: `${JSON.stringify(template, null, 2)}\n` });
    files.push({ ...common, path: `lambda-permission/${stem}.tf.json`, contents: `${JSON.stringify({ resource: { aws_lambda_permission: { [label(stem)]: Object.fromEntries(present) } } }, null, 2)}\n` });
  }
  return files;
}
