/**
 * Reads JSON and YAML files: a CloudFormation template (by its format version or `AWS::` resource types),
 * or any other document holding policies (a raw policy file, a policy nested in CLI input or output).
 */
import { DeputyInputError } from '@deputy/policy-model';
import { fileText } from '../located/embedded-text.js';
import { LocatedSyntaxError, parseLocatedJson } from '../located/located-json.js';
import type { LocatedValue } from '../located/located-value.js';
import { lineIndexOf } from '../located/position.js';
import { findPolicyDocuments, formatTreePath } from '../policy/find-documents.js';
import type { FoundPolicy, PolicySyntax } from '../policy/found-policy.js';
import { statementsOfDocument } from '../policy/json-policy-view.js';
import { commentSuppressions, type Suppression } from '../suppress/suppression.js';
import { parseCfnYaml } from './cfn-yaml.js';
import { templatePolicies } from './cloudformation/cfn-template.js';
import { isCloudFormationTemplate, withIntrinsics } from './cloudformation/long-form-intrinsics.js';
import { LARGE_TEMPLATE_BYTES, readLargeJsonTemplate } from './large-json-template.js';
import { LARGE_YAML_TEMPLATE_BYTES, readLargeYamlTemplate } from './large-yaml-template.js';
import type { SourceScan } from './source-scan.js';

/** Reads a JSON file; `fileSuppressions` (from a sidecar) cover every policy in it. A template of a megabyte or more is read member by member ({@link readLargeJsonTemplate}). */
export function scanJsonFile(text: string, file: string, fileSuppressions: readonly Suppression[] = []): SourceScan {
  let root: LocatedValue;
  try {
    const lines = lineIndexOf(text);
    const large = text.length >= LARGE_TEMPLATE_BYTES ? readLargeJsonTemplate(text, lines) : undefined;
    root = large ?? parseLocatedJson(fileText(text, lines));
  } catch (error) {
    if (!(error instanceof LocatedSyntaxError)) throw error;
    throw new DeputyInputError([{ code: 'json-syntax-error', message: `JSON syntax error: ${error.message}`, hint: 'fix the JSON at this position', location: { file, ...error.at } }]);
  }
  return scanDocument(root, file, 'json', fileSuppressions);
}

/** Reads a YAML file; `# deputy:ignore` comments are collected. A template of a megabyte or more is read part by part ({@link readLargeYamlTemplate}). */
export function scanYamlFile(text: string, file: string, fileSuppressions: readonly Suppression[] = []): SourceScan {
  const large = text.length >= LARGE_YAML_TEMPLATE_BYTES ? readLargeYamlTemplate(text, file) : undefined;
  const read = large !== undefined ? { ...large, multiDocument: false } : parseCfnYaml(text, file);
  if (read.multiDocument) return { policies: [], unreadable: [], suppressions: [], notInfrastructure: 'multi-document YAML (Kubernetes, Helm output)' };
  const suppressions = [...commentSuppressions(text, file, ['#']), ...fileSuppressions];
  if (read.root === undefined) return { policies: [], unreadable: [], suppressions, notices: read.notices };
  return { ...scanDocument(read.root, file, 'yaml', suppressions), notices: read.notices };
}

function scanDocument(root: LocatedValue, file: string, format: 'json' | 'yaml', suppressions: readonly Suppression[]): SourceScan {
  if (isCloudFormationTemplate(root)) {
    const { policies, unreadable } = templatePolicies(withIntrinsics(root), file, format);
    return { policies, unreadable, suppressions };
  }
  const syntax: PolicySyntax = format === 'json' ? { kind: 'json', interpolation: 'none' } : { kind: 'cfn-yaml' };
  const policies: FoundPolicy[] = findPolicyDocuments(root)
    .filter((candidate) => candidate.kind === 'document')
    .map((candidate) => {
      const read = statementsOfDocument(candidate.value);
      return {
        file,
        label: formatTreePath(candidate.path),
        syntax,
        ...(candidate.path.includes('AssumeRolePolicyDocument') ? { usage: 'trust' as const } : {}),
        at: candidate.value.at,
        statements: read.statements,
        unknownStatements: read.unknownStatements,
        anchorLines: [candidate.value.at.line],
        suppressions: [],
      };
    });
  return { policies, unreadable: [], suppressions };
}
