/**
 * Principal / NotPrincipal against the caller. `"*"` and `{"AWS": "*"}` cover everyone, service principals
 * included. An account (`123456789012` or `arn:…:iam::123456789012:root`) covers every principal of that
 * account: the policy grants to the account, which delegates through its own identity policies. A role ARN
 * covers that role's sessions. Service, Federated and CanonicalUser principals compare exactly.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import type { Principal, PrincipalType } from '@deputy/policy-model';
import { listOf } from '@deputy/policy-model';
import type { RequestPrincipal } from './request.js';

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;

/** Whether a Principal (or NotPrincipal) block names the caller. */
export function principalBlockNames(block: Principal<string>, caller: RequestPrincipal): boolean {
  if (block === '*') return true;
  return (Object.entries(block) as [PrincipalType, string | readonly string[]][]).some(([type, values]) =>
    listOf(values).some((value) => principalNames(type, value, caller)),
  );
}

function principalNames(type: PrincipalType, value: string, caller: RequestPrincipal): boolean {
  if (type === 'AWS' && /^\*+$/.test(value)) return true;
  if (type !== caller.type) return false;
  if (type !== 'AWS') return value === caller.id;
  const account = ACCOUNT_ID.test(value) ? value : ACCOUNT_ROOT.exec(value)?.[1];
  if (account !== undefined) return accountOf(caller.id) === account;
  return value === caller.id || roleOfSession(caller.id) === roleName(value);
}

function accountOf(principal: string): string | undefined {
  if (ACCOUNT_ID.test(principal)) return principal;
  const fields = principal.split(':');
  return fields.length >= 6 && fields[0] === 'arn' && fields[4] !== '' ? fields[4] : undefined;
}

/** `partition:account:name` of an assumed-role session ARN, for comparing with a role ARN. */
function roleOfSession(principal: string): string | undefined {
  const match = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(principal);
  return match ? `${match[1]}:${match[2]}:${match[3]!.toLowerCase()}` : undefined;
}

/** `partition:account:name` of a role ARN (the last path segment is the name). */
function roleName(arn: string): string | undefined {
  const match = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match ? `${match[1]}:${match[2]}:${match[3]!.toLowerCase()}` : undefined;
}
