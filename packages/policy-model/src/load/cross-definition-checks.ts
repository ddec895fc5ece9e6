/**
 * Checks across definitions emitted together: two definitions (or one, twice) must not create the same IAM
 * role, the same resource policy name (it names Terraform labels and outputs), the same Terraform label, or two
 * policies on one bucket, topic or queue — AWS keeps one policy per resource, so the second silently replaces
 * the first. Each definition is reduced to small claims as it is loaded, so no model has to stay alive; the
 * files are read again only to locate a collision.
 */
import type { DeputyModel, ResourceAttachment } from '../model/model.js';
import type { PolicyString } from '../model/value.js';
import type { Problem, SourceLocation } from '../problems.js';
import { parseSourceText, type PathSegment } from './source-document.js';
import { readSourceFile } from './read-source-file.js';

/** Something a definition creates that must be unique among the definitions emitted together. */
export interface DefinitionClaim {
  /** What kind of thing, in messages: `role`, `resource policy`, `policy on`, `Terraform label`. */
  readonly kind: string;
  /** The unique key within the kind, e.g. the role name. */
  readonly key: string;
  /** Where the definition writes it. */
  readonly path: readonly PathSegment[];
  /**
   * The literal account it lives in, when known: two roles of the same name in different literal accounts do
   * not collide. Undefined (current or a parameter) collides with any account.
   */
  readonly account?: string;
}

/** The claims of one model: role names, resource policy names and the resources its policies attach to. */
export function definitionClaims(model: DeputyModel): DefinitionClaim[] {
  const account = model.environment.account.kind === 'literal' ? model.environment.account.value : undefined;
  const scoped = account !== undefined ? { account } : {};
  return [
    ...model.roles.map((role, index): DefinitionClaim => ({ kind: 'role', key: role.name, path: ['roles', index, 'name'], ...scoped })),
    ...model.resourcePolicies.map((policy, index): DefinitionClaim => ({ kind: 'resource policy', key: policy.name, path: ['resourcePolicies', index, 'name'] })),
    ...model.resourcePolicies.flatMap((policy, index): DefinitionClaim[] => {
      const resource = attachedResource(policy.attachment);
      return resource === undefined ? [] : [{ kind: 'policy on', key: resource, path: ['resourcePolicies', index, 'attachTo'], ...scoped }];
    }),
  ];
}

/** The resource an attachment replaces the policy of (`s3 bucket logs`), or undefined when several may coexist (Lambda permissions, documents). */
function attachedResource(attachment: ResourceAttachment): string | undefined {
  switch (attachment.type) {
    case 's3-bucket':
      return `S3 bucket ${text(attachment.bucket)}`;
    case 'sns-topic':
      return `SNS topic ${text(attachment.topicArn)}`;
    case 'sqs-queue':
      return `SQS queue ${text(attachment.queueUrl)}`;
    default:
      return undefined;
  }
}

function text(value: PolicyString): string {
  if (typeof value === 'string') return value;
  return value.parts.map((part) => (typeof part === 'string' ? part : `{{${part.field}}}`)).join('');
}

/** A definition's claims, with the file they came from. */
interface Claimant {
  /** The file as the user gave it (for messages). */
  readonly file: string;
  /** The file's absolute path (to read it again). */
  readonly absolute: string;
  /** The claim. */
  readonly claim: DefinitionClaim;
  /** True for a definition not emitted in this run whose outputs are already in the output directory. */
  readonly existing: boolean;
}

/** Collects claims definition by definition, then reports every collision with both places. */
export class CrossDefinitionChecks {
  private readonly byKey = new Map<string, Claimant[]>();

  /**
   * Records the claims of one definition file; `existing` marks a definition not emitted in this run whose
   * outputs already share the output directory (add those first, so the new definition is the one reported).
   */
  add(file: string, absolute: string, claims: readonly DefinitionClaim[], existing = false): void {
    for (const claim of claims) {
      const key = `${claim.kind}\u0000${claim.key}`;
      const list = this.byKey.get(key) ?? [];
      list.push({ file, absolute, claim, existing });
      this.byKey.set(key, list);
    }
  }

  /** One problem per claim that collides with an earlier one, at the later place, naming the earlier. */
  problems(): Problem[] {
    const problems: Problem[] = [];
    const locate = locator();
    for (const claimants of this.byKey.values()) {
      for (let index = 1; index < claimants.length; index++) {
        const later = claimants[index]!;
        const earlier = claimants.slice(0, index).find((candidate) => collides(candidate.claim, later.claim));
        if (earlier === undefined) continue;
        const at = locate(earlier);
        problems.push({
          code: 'duplicate-across-definitions',
          message: `${describe(later.claim)} is defined twice${later.file === earlier.file ? '' : earlier.existing ? ', here and in a definition whose output is already in the output directory' : ' in definitions emitted together'}`,
          hint: `also defined at ${at.file}:${at.line}:${at.column}`,
          location: locate(later),
        });
      }
    }
    return problems;
  }
}

function collides(a: DefinitionClaim, b: DefinitionClaim): boolean {
  return a.account === undefined || b.account === undefined || a.account === b.account;
}

function describe(claim: DefinitionClaim): string {
  if (claim.kind === 'policy on') return `a policy on ${claim.key}`;
  return `${claim.kind} ${JSON.stringify(claim.key)}`;
}

/** Locates claims by reading each file again once (only when there is a collision to report). */
function locator(): (claimant: Claimant) => SourceLocation {
  const documents = new Map<string, ReturnType<typeof parseSourceText>>();
  return ({ file, absolute, claim }) => {
    let document = documents.get(absolute);
    if (document === undefined) {
      document = parseSourceText(readSourceFile(absolute, file), file);
      documents.set(absolute, document);
    }
    return document.locate(claim.path);
  };
}
