/**
 * Reads an ARN that may contain opaque parts (`arn:${AWS::Partition}:s3:::${Bucket}`): each field is
 * literal text, or unknown when an opaque part falls in it. Only what is certainly wrong is malformed.
 */
import { partsShape, type TextPart } from '../located/located-value.js';
import { isThisAccountPart } from './text-value.js';

const MARK = '\u{E000}';

/** The fields of an ARN; a field is undefined when it is not literal. */
export interface ArnText {
  /** `aws`, `aws-cn`, … */
  readonly partition?: string;
  /** The service namespace. */
  readonly service?: string;
  /** The Region; empty for global resources. */
  readonly region?: string;
  /** The account; empty for S3 buckets. */
  readonly account?: string;
  /** Everything after the fifth colon. */
  readonly resource?: string;
}

/** The result of reading a value as an ARN. */
export type ArnReading =
  /** An ARN whose literal fields are well-formed. */
  | { readonly kind: 'arn'; readonly fields: ArnText }
  /** Certainly not an ARN. */
  | { readonly kind: 'malformed'; readonly reason: string; readonly fields: readonly string[] }
  /** Cannot be known statically (a reference to an ARN, a lone wildcard). */
  | { readonly kind: 'unknown' };

/** Readings by shape: the same ARNs recur in every statement, rule and file that names them. */
const readings = new Map<string, ArnReading>();

/** How many readings are kept (the map is emptied when full). */
const READINGS_LIMIT = 10_000;

/** Reads a value as an ARN. */
export function readArn(parts: readonly TextPart[]): ArnReading {
  const shape = partsShape(parts, MARK);
  let reading = readings.get(shape);
  if (reading === undefined) {
    if (readings.size >= READINGS_LIMIT) readings.clear();
    reading = readShape(shape);
    readings.set(shape, reading);
  }
  return reading;
}

/** Reads an ARN whose opaque parts are each one {@link MARK}. */
function readShape(shape: string): ArnReading {
  if (shape === '' || shape === '*' || shape.startsWith(MARK)) return { kind: 'unknown' };
  if (!shape.startsWith('arn:')) return { kind: 'malformed', reason: 'does not start with "arn:"', fields: [] };
  const fields = shape.split(':');
  if (fields.length < 6) {
    if (shape.includes(MARK)) return { kind: 'unknown' };
    return { kind: 'malformed', reason: `has ${fields.length} colon-separated fields; an ARN has at least 6 (arn:partition:service:region:account:resource)`, fields };
  }
  const literal = (field: string | undefined): string | undefined => (field === undefined || field.includes(MARK) ? undefined : field);
  const [, partition, service, region, account] = fields;
  const resource = fields.slice(5).join(':');
  if (literal(partition) === '') return { kind: 'malformed', reason: 'has an empty partition field (an extra colon?)', fields };
  if (literal(service) === '') return { kind: 'malformed', reason: 'has an empty service field (an extra colon?)', fields };
  if (literal(resource) === '') return { kind: 'malformed', reason: 'has an empty resource part', fields };
  const accountText = literal(account);
  if (accountText !== undefined && /^\d+$/.test(accountText) && accountText.length !== 12) {
    return { kind: 'malformed', reason: `has the account ID "${accountText}", which is not 12 digits`, fields };
  }
  return {
    kind: 'arn',
    fields: {
      ...optional('partition', literal(partition)),
      ...optional('service', literal(service)),
      ...optional('region', literal(region)),
      ...optional('account', accountText),
      ...optional('resource', literal(resource)),
    },
  };
}

/**
 * How the account field of an ARN is filled: `empty` (an S3 bucket ARN), `literal` (12 digits), `this-account`
 * (`${AWS::AccountId}`, `data.aws_caller_identity.*.account_id`), `reference` (another unknown value), or
 * undefined when the value cannot be read as an ARN (a reference to a whole ARN). All but `empty` pin an account.
 */
export function accountFieldOf(parts: readonly TextPart[]): 'empty' | 'literal' | 'this-account' | 'reference' | undefined {
  const shape = partsShape(parts, MARK);
  const fields = shape.split(':');
  if (!shape.startsWith('arn:') || fields.length < 6) return undefined;
  const account = fields[4]!;
  if (account === '') return 'empty';
  if (!account.includes(MARK)) return /^\d{12}$/.test(account) ? 'literal' : undefined;
  if (account !== MARK) return 'reference';
  const ordinal = fields.slice(0, 4).join(':').split(MARK).length - 1;
  const opaque = parts.filter((part) => typeof part !== 'string')[ordinal];
  return opaque !== undefined && isThisAccountPart(opaque) ? 'this-account' : 'reference';
}

/** True for a literal 12-digit account ID. */
export function isAccountId(text: string | undefined): text is string {
  return text !== undefined && /^\d{12}$/.test(text);
}

/** True when the text contains an IAM wildcard. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** True for a Region name such as `us-east-1`. */
export function isRegionName(text: string | undefined): text is string {
  return text !== undefined && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(text);
}

function optional<K extends string>(key: K, value: string | undefined): { [key in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [key in K]?: string };
}
