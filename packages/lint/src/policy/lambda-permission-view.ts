/**
 * A Lambda permission (`aws_lambda_permission`, `AWS::Lambda::Permission`) read as the one-statement
 * resource policy AWS builds from it: `source_account` becomes `StringEquals aws:SourceAccount`,
 * `source_arn` becomes `ArnLike aws:SourceArn` (the comparison Lambda documents for AddPermission). A property
 * set to `null` is not set.
 */
import type { LocatedValue } from '../located/located-value.js';
import type { Position } from '../located/position.js';
import type { ConditionClause, StatementView } from './policy-view.js';
import { uniformStatement } from './policy-view.js';
import { literalTextOf, servicePrincipalValue, textPartsOf } from './text-value.js';

/** A property of the permission: where its name is written, and its value. */
export interface PermissionProperty {
  /** Where the property name is written. */
  readonly at: Position;
  /** Its value. */
  readonly value: LocatedValue;
}

/** The properties of a Lambda permission that matter to the rules. */
export interface LambdaPermissionParts {
  /** Where the permission is declared. */
  readonly at: Position;
  /** `principal` / `Principal`. */
  readonly principal?: PermissionProperty;
  /** `action` / `Action`. */
  readonly action?: PermissionProperty;
  /** `source_account` / `SourceAccount`. */
  readonly sourceAccount?: PermissionProperty;
  /** `source_arn` / `SourceArn`. */
  readonly sourceArn?: PermissionProperty;
  /** `principal_org_id` / `PrincipalOrgID`. */
  readonly principalOrgId?: PermissionProperty;
}

/** The statement AWS builds from a Lambda permission. */
export function lambdaPermissionStatement(parts: LambdaPermissionParts): StatementView {
  const clauses: ConditionClause[] = [];
  const add = (property: PermissionProperty | undefined, operator: string, key: string): void => {
    if (property && property.value.kind !== 'null') clauses.push({ operator, operatorAt: property.at, key, keyAt: property.at, value: property.value, items: [property.value] });
  };
  add(parts.sourceAccount, 'StringEquals', 'aws:SourceAccount');
  add(parts.sourceArn, 'ArnLike', 'aws:SourceArn');
  add(parts.principalOrgId, 'StringEquals', 'aws:PrincipalOrgID');
  const principal = parts.principal === undefined ? undefined : servicePrincipalValue(parts.principal.value);
  const principalText = principal === undefined ? undefined : literalTextOf(principal);
  const regional = principal !== undefined && principalText === undefined && isServiceShaped(principal);
  const isService = regional || (principalText !== undefined && principalText !== '*' && !/^\d{12}$/.test(principalText) && !principalText.startsWith('arn:'));
  return uniformStatement({
    index: 0,
    at: parts.at,
    displayName: 'the Lambda permission',
    effect: 'Allow',
    ...(principal !== undefined && parts.principal
      ? {
          principal: {
            at: parts.principal.at,
            anyone: principalText === '*',
            services: isService ? [principal] : [],
            aws: isService ? [] : [principal],
            ...(isService ? { serviceList: principal } : {}),
            unknown: principalText === undefined && !regional,
          },
        }
      : {}),
    actions: parts.action ? [parts.action.value] : [],
    resources: [],
    condition: { present: clauses.length > 0, ...(clauses[0] ? { at: clauses[0].keyAt } : {}), clauses, unknown: false },
  });
}

/** `logs.${data.aws_region.current.name}.amazonaws.com`, `!Sub logs.${AWS::Region}.amazonaws.com`: a service principal whose Region is unknown. */
function isServiceShaped(value: LocatedValue): boolean {
  const parts = textPartsOf(value);
  const last = parts?.[parts.length - 1];
  return parts !== undefined && typeof parts[0] === 'string' && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.$/.test(parts[0]) && typeof last === 'string' && /\.amazonaws\.com(\.cn)?$/.test(last);
}
