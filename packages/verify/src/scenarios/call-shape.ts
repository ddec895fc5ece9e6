/**
 * The calls of the scenario matrix before they become requests: which principal calls, and which
 * confused-deputy keys it sends with which values. Organization keys belong to the source account, so a
 * foreign account brings a foreign organization and a call without a source account brings none.
 */
import { sourceArnContextKeyOf } from '@deputy/policy-model';
import type { ContextValue, RequestContext } from '../evaluator/request.js';
import { CONFUSED_DEPUTY_CONTEXT_KEYS } from './assumed-context.js';

/** The confused-deputy side of one call. */
export interface CallShape {
  /** The calling service principal. */
  readonly principal: string;
  /** aws:SourceAccount, when sent. */
  readonly sourceAccount?: string;
  /** aws:SourceArn, when sent. */
  readonly sourceArn?: string;
  /** aws:SourceOrgID, when sent. */
  readonly organizationId?: string;
  /** aws:SourceOrgPaths, when sent. */
  readonly organizationPaths?: readonly string[];
}

/** The request context of a call: the assumed keys, then the call's confused-deputy keys. */
export function contextOfCall(assumed: RequestContext, shape: CallShape): RequestContext {
  const context: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(assumed)) {
    if (!CONFUSED_DEPUTY_CONTEXT_KEYS.includes(key.toLowerCase())) context[key] = value;
  }
  const serviceNameKey = Object.keys(context).find((key) => key.toLowerCase() === 'aws:principalservicename');
  if (serviceNameKey !== undefined) context[serviceNameKey] = shape.principal;
  if (shape.sourceAccount !== undefined) context['aws:SourceAccount'] = shape.sourceAccount;
  if (shape.sourceArn !== undefined) context['aws:SourceArn'] = shape.sourceArn;
  if (shape.organizationId !== undefined) context['aws:SourceOrgID'] = shape.organizationId;
  if (shape.organizationPaths !== undefined) context['aws:SourceOrgPaths'] = shape.organizationPaths;
  bindSourceArnContextKey(context, shape);
  return context;
}

/**
 * A key the service sets to its acting resource's ARN (CloudTrail's kms:EncryptionContext:aws:cloudtrail:arn)
 * names the calling account: the value assumed to satisfy the statement keeps its resource but takes the
 * call's account, so a call from another account brings another account's trail.
 */
function bindSourceArnContextKey(context: Record<string, ContextValue>, shape: CallShape): void {
  const wanted = sourceArnContextKeyOf(shape.principal)?.toLowerCase();
  const key = wanted === undefined ? undefined : Object.keys(context).find((name) => name.toLowerCase() === wanted);
  const account = shape.sourceAccount ?? (shape.sourceArn === undefined ? undefined : shape.sourceArn.split(':')[4]);
  if (key === undefined || account === undefined || account === '') return;
  const withAccount = (arn: string): string => {
    const fields = arn.split(':');
    return fields.length >= 6 && fields[0] === 'arn' ? [...fields.slice(0, 4), account, ...fields.slice(5)].join(':') : arn;
  };
  const value = context[key]!;
  context[key] = typeof value === 'string' ? withAccount(value) : value.map(withAccount);
}

/** The call without a source account: no aws:SourceAccount and no organization keys. */
export function withoutSourceAccount(shape: CallShape): CallShape {
  const { sourceAccount: _account, organizationId: _id, organizationPaths: _paths, ...rest } = shape;
  return rest;
}

/** The call without aws:SourceArn. */
export function withoutSourceArn(shape: CallShape): CallShape {
  const { sourceArn: _arn, ...rest } = shape;
  return rest;
}

/** The call without organization keys. */
export function withoutOrganization(shape: CallShape): CallShape {
  const { organizationId: _id, organizationPaths: _paths, ...rest } = shape;
  return rest;
}

/** The organization keys of a foreign organization, where the call sends organization keys. */
export function foreignOrganization(shape: CallShape, organizationId: string): Pick<CallShape, 'organizationId' | 'organizationPaths'> {
  return {
    ...(shape.organizationId !== undefined ? { organizationId } : {}),
    ...(shape.organizationPaths !== undefined ? { organizationPaths: [`${organizationId}/r-0000/`] } : {}),
  };
}
