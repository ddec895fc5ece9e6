/**
 * Terraform as the judge of the jsonencode style: every `jsonencode({ … })` of an emitted file is copied
 * into a provider-free configuration and evaluated with `terraform console`. References to the data
 * sources and variables (which need the AWS provider) are replaced by locals holding
 * {@link SAMPLE_ENVIRONMENT}, so the result is the exact JSON Terraform would send, for those values.
 */
import { resolvePolicyString, type DeputyModel, type PolicyDocument, type PolicyString } from '@deputy/policy-model';
import { at, blockOrder, onlyBody, parseHcl, type HclJsonValue } from './hcl-json.js';
import { isJsonencode } from './jsonencode-decoding.js';
import { mapDocumentStrings } from './model-comparison.js';
import { inTerraformForm, terraformTextForms, textsIn } from './terraform-text.js';
import { SAMPLE_ENVIRONMENT } from './policy-document-simulator.js';
import { terraformEvaluate } from './terraform-cli.js';
import { recoverTerraform } from './terraform-recovery.js';

const POLICY_ATTRIBUTES: { readonly [resourceType: string]: string } = {
  aws_iam_role: 'assume_role_policy',
  aws_iam_role_policy: 'policy',
  aws_s3_bucket_policy: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sqs_queue_policy: 'policy',
};

const CURRENT_REPLACEMENTS: readonly [RegExp, string][] = [
  [/data\.aws_caller_identity\.current\.account_id/g, 'local.deputy_account'],
  [/data\.aws_region\.current\.(?:region|name)/g, 'local.deputy_region'],
  [/data\.aws_partition\.current\.partition/g, 'local.deputy_partition'],
];

/** The policies terraform evaluates from the file's jsonencode calls, and what the model says they are. */
export async function jsonencodePoliciesEvaluatedByTerraform(
  contents: string,
  model: DeputyModel,
): Promise<{ readonly evaluated: unknown[]; readonly expected: unknown[] }> {
  const parsed = await parseHcl(contents);
  const recovered = await recoverTerraform(contents);
  const sources: string[] = [];
  const localsBlocks = (parsed['locals'] as HclJsonValue[] | undefined) ?? [];
  let localsIndex = 0;
  for (const [kind, type, label] of blockOrder(contents).map((address) => address.split('.'))) {
    const values: (HclJsonValue | undefined)[] = [];
    if (kind === 'resource' && type !== undefined && POLICY_ATTRIBUTES[type] !== undefined) {
      values.push(onlyBody(at(parsed, 'resource', type, label as string), type)[POLICY_ATTRIBUTES[type]]);
    } else if (kind === 'locals') {
      values.push(...(Object.values(localsBlocks[localsIndex++] as object) as HclJsonValue[]));
    }
    for (const value of values) if (isJsonencode(value)) sources.push(value.slice(2, -1));
  }
  let configuration = 'locals {\n';
  configuration += `  deputy_account   = ${JSON.stringify(SAMPLE_ENVIRONMENT.account)}\n`;
  configuration += `  deputy_region    = ${JSON.stringify(SAMPLE_ENVIRONMENT.region)}\n`;
  configuration += `  deputy_partition = ${JSON.stringify(SAMPLE_ENVIRONMENT.partition)}\n`;
  sources.forEach((source, index) => {
    let replaced = source;
    for (const [pattern, local] of CURRENT_REPLACEMENTS) replaced = replaced.replace(pattern, local);
    for (const variable of recovered.variables) replaced = replaced.replace(new RegExp(`\\bvar\\.${variable.name}\\b`, 'g'), `local.deputy_${variable.field}`);
    configuration += `  policy_${index} = ${replaced}\n`;
  });
  configuration += '}\n';
  const evaluated =
    sources.length === 0
      ? []
      : (terraformEvaluate(configuration, `[${sources.map((_, index) => `local.policy_${index}`).join(', ')}]`) as string[]).map((json) =>
          JSON.parse(json),
        );
  const expected = expectedJsonencodeDocuments(model);
  return { evaluated, expected: inTerraformForm(expected, await terraformTextForms(textsIn(expected))) };
}

/** The model's jsonencode documents in file order, as literal JSON with the sample environment. */
function expectedJsonencodeDocuments(model: DeputyModel): unknown[] {
  const resolve = (value: PolicyString): string =>
    resolvePolicyString(value, (field) => {
      const environment = model.environment[field];
      return environment.kind === 'literal' ? environment.value : SAMPLE_ENVIRONMENT[field];
    }) as string;
  return [
    ...model.roles.flatMap((role) => [role.trustPolicy, ...role.inlinePolicies.map((policy) => policy.document)]),
    ...model.resourcePolicies.filter((policy) => policy.attachment.type !== 'lambda-permission').map((policy) => policy.document),
  ].map((document: PolicyDocument) => mapDocumentStrings(document, resolve));
}
