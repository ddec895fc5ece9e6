/**
 * The account, Region and partition to verify a model's policies in. A field the model fixes is used as
 * is; a field it leaves to the deployment (`current`, a parameter) comes from the options, else from the
 * policy itself (the account of aws:SourceAccount, the partition and Region of aws:SourceArn), else a
 * documentation default. References in the policy are then replaced by these literal values.
 */
import type { Environment, EnvironmentField, LiteralPolicyDocument, Partition, PolicyDocument } from '@deputy/policy-model';
import { PARTITIONS, listOf, mapPolicyStrings, resolvePolicyString, splitArn, statementsOf } from '@deputy/policy-model';

/** Literal values for the three environment fields. */
export interface LiteralEnvironment {
  /** The account ID. */
  readonly account: string;
  /** The Region. */
  readonly region: string;
  /** The partition. */
  readonly partition: Partition;
}

/** The values used when neither the model, the options nor the policy say: AWS's documentation account. */
export const DEFAULT_VERIFY_ENVIRONMENT: LiteralEnvironment = { account: '111122223333', region: 'us-east-1', partition: 'aws' };

/** The environment to verify `document` in. */
export function literalEnvironment(environment: Environment | undefined, requested: Partial<LiteralEnvironment>, document: PolicyDocument): LiteralEnvironment {
  const inferred = inferEnvironment(document);
  const pick = <F extends EnvironmentField>(field: F): string => {
    const setting = environment?.[field];
    if (setting?.kind === 'literal') return setting.value;
    return requested[field] ?? inferred[field] ?? DEFAULT_VERIFY_ENVIRONMENT[field];
  };
  const partition = pick('partition');
  return { account: pick('account'), region: pick('region'), partition: (PARTITIONS as readonly string[]).includes(partition) ? (partition as Partition) : 'aws' };
}

/** The account, Region and partition a literal policy names in its aws:SourceAccount and aws:SourceArn values. */
export function inferEnvironment(document: PolicyDocument): Partial<LiteralEnvironment> {
  const found: { account?: string; region?: string; partition?: Partition } = {};
  for (const statement of statementsOf(document)) {
    for (const keys of Object.values(statement.Condition ?? {})) {
      for (const [key, value] of Object.entries(keys)) {
        for (const text of listOf(value)) {
          if (typeof text !== 'string') continue;
          const lowered = key.toLowerCase();
          if (lowered === 'aws:sourceaccount' && /^\d{12}$/.test(text)) found.account ??= text;
          if (lowered !== 'aws:sourcearn') continue;
          const fields = splitArn(text);
          if (!fields) continue;
          if ((PARTITIONS as readonly string[]).includes(fields.partition)) found.partition ??= fields.partition as Partition;
          if (/^[a-z]{2}(-[a-z]+)+-\d+$/.test(fields.region)) found.region ??= fields.region;
          if (/^\d{12}$/.test(fields.account)) found.account ??= fields.account;
        }
      }
    }
  }
  return found;
}

/** The document with every reference to the account, Region or partition replaced by literal text. */
export function literalPolicy(document: PolicyDocument, environment: LiteralEnvironment): LiteralPolicyDocument {
  return mapPolicyStrings(document, (value) => resolvePolicyString(value, (field) => environment[field]) ?? '');
}
