/** What deputy's evaluator is asked: who calls, which action on which resource, with which context keys. */
import type { PrincipalType } from '@deputy/policy-model';

/** A context key's value: one string, or a list for a multi-valued key (`aws:SourceOrgPaths`, tag keys). */
export type ContextValue = string | readonly string[];

/** Context keys of a request. Key names are compared case-insensitively, as IAM does. */
export type RequestContext = Readonly<Record<string, ContextValue>>;

/** The caller, as IAM sees it. */
export interface RequestPrincipal {
  /** `Service` for a service principal, `AWS` for an account, user or role, `Federated` or `CanonicalUser`. */
  readonly type: PrincipalType;
  /** The principal: `sagemaker.amazonaws.com`, `arn:aws:iam::111122223333:role/x`, `arn:aws:sts::…:assumed-role/x/s`, … */
  readonly id: string;
}

/** One request to evaluate against a trust or resource policy. */
export interface EvaluationRequest {
  /** Who makes the request. */
  readonly principal: RequestPrincipal;
  /** The action, `service:Action` (compared case-insensitively). */
  readonly action: string;
  /** The resource ARN; absent for trust policies, whose statements have no Resource element. */
  readonly resource?: string;
  /** The request context; a key that is absent here is absent from the request. */
  readonly context: RequestContext;
}

/** The value of a context key, looked up case-insensitively; undefined when the request lacks the key. */
export function contextValueOf(context: RequestContext, key: string): ContextValue | undefined {
  if (Object.hasOwn(context, key)) return context[key];
  const lowered = key.toLowerCase();
  const found = Object.keys(context).find((name) => name.toLowerCase() === lowered);
  return found === undefined ? undefined : context[found];
}
