/**
 * Where @cloud-copilot/iam-simulate 0.1.x and deputy's evaluator disagree on purpose. Each difference is
 * named, says what each side does, cites the AWS documentation deputy follows, and recognises the cases it
 * covers. The differential test accepts a disagreement only when one of these recognises the case; any
 * other disagreement fails the test.
 */
import type { ConditionValue, LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import { listOf, statementsOf } from '@deputy/policy-model';
import { contextValueOf } from '../../src/evaluator/request.js';
import type { RequestContext } from '../../src/evaluator/request.js';
import type { PolicyCase } from './policy-case-arbitrary.js';

/** One named, documented difference. */
export interface KnownSimulatorDifference {
  /** Stable name, printed with its count. */
  readonly name: string;
  /** What the simulator does and what deputy does instead. */
  readonly description: string;
  /** The AWS documentation deputy follows. */
  readonly reference: string;
  /** Whether a case contains the construct (the disagreement may or may not show for it). */
  readonly covers: (policyCase: PolicyCase) => boolean;
  /**
   * The case with the construct taken out, changing both sides alike. After neutralising every difference
   * that covers a case, the two evaluators must agree; otherwise the disagreement has another cause.
   */
  readonly neutralize: (policyCase: PolicyCase) => PolicyCase;
}

interface ConditionUse {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

function conditionsOf(document: LiteralPolicyDocument): ConditionUse[] {
  return statementsOf(document).flatMap((statement: Statement<string>) =>
    Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) =>
      Object.entries(keys).map(([key, value]) => ({ operator, key, values: listOf(value as ConditionValue<string> | readonly ConditionValue<string>[]).map(String) })),
    ),
  );
}

function requestValues(context: RequestContext, key: string): string[] {
  const value = contextValueOf(context, key);
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}

function baseOf(operator: string): string {
  return operator.replace(/^For(Any|All)Values?:/, '').replace(/IfExists$/, '');
}

type ConditionMapper = (operator: string, key: string, values: readonly string[]) => { operator: string; values: readonly string[] };

/** The case with every condition rewritten by `mapper` (values written as strings). */
function mapConditions(policyCase: PolicyCase, mapper: ConditionMapper): PolicyCase {
  const mapStatement = (statement: Statement<string>): Statement<string> => {
    if (!statement.Condition) return statement;
    const condition: Record<string, Record<string, string[]>> = {};
    for (const [operator, keys] of Object.entries(statement.Condition)) {
      for (const [key, value] of Object.entries(keys)) {
        const mapped = mapper(operator, key, listOf(value as ConditionValue<string> | readonly ConditionValue<string>[]).map(String));
        (condition[mapped.operator] ??= {})[key] = [...mapped.values];
      }
    }
    return { ...statement, Condition: condition };
  };
  const statements = statementsOf(policyCase.document).map(mapStatement);
  return { ...policyCase, document: { ...policyCase.document, Statement: statements } };
}

/** The case with every request context value rewritten by `mapper`. */
function mapContext(policyCase: PolicyCase, mapper: (key: string, value: string) => string): PolicyCase {
  const context = Object.fromEntries(
    Object.entries(policyCase.request.context).map(([key, value]) => [key, typeof value === 'string' ? mapper(key, value) : value.map((item) => mapper(key, item))]),
  );
  return { ...policyCase, request: { ...policyCase.request, context } };
}

function keysOf(policyCase: PolicyCase, family: RegExp): Set<string> {
  return new Set(conditionsOf(policyCase.document).filter((c) => family.test(baseOf(c.operator))).map((c) => c.key.toLowerCase()));
}

const STRICT_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const EPOCH = /^-?\d+$/;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

export const KNOWN_SIMULATOR_DIFFERENCES: readonly KnownSimulatorDifference[] = [
  {
    name: 'ForAnyValueIgnoresIfExists',
    description:
      'For ForAnyValue:…IfExists on a key the request lacks, the simulator returns false (it applies the ForAnyValue missing-key rule and ignores IfExists); deputy returns true, because IfExists makes a condition on an absent key true.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
    covers: ({ document, request }) =>
      conditionsOf(document).some((c) => /^ForAnyValue:/.test(c.operator) && c.operator.endsWith('IfExists') && contextValueOf(request.context, c.key) === undefined),
    neutralize: (policyCase) =>
      mapConditions(policyCase, (operator, _, values) => ({ operator: /^ForAnyValue:/.test(operator) ? operator.replace(/IfExists$/, '') : operator, values })),
  },
  {
    name: 'VariablesInVersion2008Policies',
    description:
      'The simulator substitutes ${…} policy variables whatever the policy Version; deputy substitutes them only under Version 2012-10-17 and reads them as literal text otherwise.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-infotouse',
    covers: ({ document }) => document.Version !== '2012-10-17' && JSON.stringify(document.Statement).includes('${'),
    neutralize: (policyCase) => ({ ...policyCase, document: { ...policyCase.document, Version: '2012-10-17' } }),
  },
  {
    name: 'LenientNumberParsing',
    description:
      'The simulator reads numbers with parseInt / parseFloat, so "1e3" is 1 and " 5" is 5; deputy accepts only plain decimal numbers and treats anything else as not comparable (the condition fails).',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric',
    covers: ({ document, request }) =>
      conditionsOf(document).some(
        (c) =>
          baseOf(c.operator).startsWith('Numeric') &&
          [...c.values, ...requestValues(request.context, c.key)].some((value) => !STRICT_NUMBER.test(value) && !Number.isNaN(parseFloat(value))),
      ),
    neutralize: (policyCase) => {
      const lenient = (value: string): string => (!STRICT_NUMBER.test(value) && !Number.isNaN(parseFloat(value)) ? 'not-a-number' : value);
      const keys = keysOf(policyCase, /^Numeric/);
      const mapped = mapConditions(policyCase, (operator, _, values) => ({ operator, values: baseOf(operator).startsWith('Numeric') ? values.map(lenient) : values }));
      return mapContext(mapped, (key, value) => (keys.has(key.toLowerCase()) ? lenient(value) : value));
    },
  },
  {
    name: 'EpochSecondsAgainstDates',
    description:
      'The simulator turns an epoch value into seconds but a W3C date into milliseconds, so comparing one with the other is off by a factor of 1000; deputy converts both to the same unit.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date',
    covers: ({ document, request }) =>
      conditionsOf(document).some((c) => {
        if (!baseOf(c.operator).startsWith('Date')) return false;
        const all = [...c.values, ...requestValues(request.context, c.key)];
        return all.some((value) => EPOCH.test(value)) && all.some((value) => !EPOCH.test(value));
      }),
    neutralize: (policyCase) => {
      const iso = (value: string): string => (EPOCH.test(value) ? new Date(Number(value) * 1000).toISOString() : value);
      const keys = keysOf(policyCase, /^Date/);
      const mapped = mapConditions(policyCase, (operator, _, values) => ({ operator, values: baseOf(operator).startsWith('Date') ? values.map(iso) : values }));
      return mapContext(mapped, (key, value) => (keys.has(key.toLowerCase()) ? iso(value) : value));
    },
  },
  {
    name: 'WildcardsSkipLineTerminators',
    description:
      'The simulator turns * and ? into the regular expression ".", which does not match a line break; deputy lets a wildcard match any character.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String',
    covers: ({ document, request }) =>
      Object.values(request.context).some((value) => listOf(value).some((text) => LINE_TERMINATOR.test(text))) && /[*?]/.test(JSON.stringify(document.Statement)),
    neutralize: (policyCase) => mapContext(policyCase, (_, value) => value.replace(new RegExp(LINE_TERMINATOR.source, 'g'), ' ')),
  },
  {
    name: 'LiteralIpAddressComparedAsText',
    description:
      'For a policy value that is a single address (no /prefix), the simulator compares the text and fails NotIpAddress when the families differ; deputy treats it as a /32 or /128 block, so an IPv6 request is "not in" an IPv4 address and two spellings of one IPv6 address are equal.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress',
    covers: ({ document, request }) =>
      conditionsOf(document).some(
        (c) =>
          /IpAddress$/.test(baseOf(c.operator)) &&
          c.values.some((value) => !value.includes('/') && requestValues(request.context, c.key).some((requested) => requested !== value && /^[0-9a-fA-F:.]+$/.test(requested))),
      ),
    neutralize: (policyCase) =>
      mapConditions(policyCase, (operator, _, values) => ({
        operator,
        values: /IpAddress$/.test(baseOf(operator)) ? values.map((value) => (value.includes('/') ? value : `${value}/${value.includes(':') ? 128 : 32}`)) : values,
      })),
  },
  {
    name: 'VariableBeforeArnResourceField',
    description:
      'The simulator splits a policy ARN at every colon before substituting variables, so a variable outside the resource field (whose name has a colon, as in ${aws:SourceAccount}) breaks the ARN apart; deputy does not split inside ${…}.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-wheretouse',
    covers: ({ document }) =>
      conditionsOf(document).some((c) => /^Arn/.test(baseOf(c.operator)) && c.values.some((value) => value.split(':').slice(0, 5).join(':').includes('${'))),
    neutralize: (policyCase) =>
      mapConditions(policyCase, (operator, _, values) => ({
        operator,
        values: /^Arn/.test(baseOf(operator))
          ? values.map((value) => {
              const fields = value.split(/:(?![^{]*\})/);
              return [...fields.slice(0, 5).map((field) => field.replace(/\$\{[^}]*\}/g, '*')), ...fields.slice(5)].join(':');
            })
          : values,
      })),
  },
  {
    name: 'ZeroLengthIpv4Prefix',
    description:
      'The simulator masks IPv4 addresses with -1 << (32 - prefix), which JavaScript reduces modulo 32, so a /0 block such as 0.0.0.0/0 contains only 0.0.0.0; deputy lets /0 contain every IPv4 address.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress',
    covers: ({ document }) => conditionsOf(document).some((c) => /IpAddress$/.test(baseOf(c.operator)) && c.values.some((value) => /^[\d.]+\/0$/.test(value))),
    neutralize: (policyCase) =>
      mapConditions(policyCase, (operator, _, values) => ({ operator, values: /IpAddress$/.test(baseOf(operator)) ? values.map((value) => value.replace(/^([\d.]+)\/0$/, '$1/1')) : values })),
  },
  {
    name: 'FixedVariablesInExactOperators',
    description:
      'Under operators without wildcards (StringEquals, StringNotEquals, …IgnoreCase, Bool) the simulator keeps ${*}, ${?} and ${$} as their literal text; deputy replaces them by *, ? and $ as everywhere else, since they are policy variables with fixed values.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars',
    covers: ({ document }) =>
      document.Version === '2012-10-17' &&
      conditionsOf(document).some((c) => /^(String(Not)?Equals(IgnoreCase)?|Bool)$/.test(baseOf(c.operator)) && c.values.some((value) => /\$\{[*?$]\}/.test(value))),
    neutralize: (policyCase) =>
      mapConditions(policyCase, (operator, _, values) => ({
        operator,
        values: /^(String(Not)?Equals(IgnoreCase)?|Bool)$/.test(baseOf(operator)) ? values.map((value) => value.replace(/\$\{[*?$]\}/g, 'F')) : values,
      })),
  },
  {
    name: 'EmptyVariableValue',
    description:
      'When the key a policy variable names is present with an empty value, the simulator neither substitutes it nor uses the default, and the value then never matches; deputy substitutes the empty string, as for any other value of a present key.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value',
    covers: ({ document, request }) =>
      [...JSON.stringify(document.Statement).matchAll(/\$\{([^},]*)/g)].some((match) => contextValueOf(request.context, match[1]!.trim()) === ''),
    neutralize: (policyCase) => mapContext(policyCase, (_, value) => (value === '' ? 'was-empty' : value)),
  },
];

/** The known differences that cover a case. */
export function differencesCovering(policyCase: PolicyCase): KnownSimulatorDifference[] {
  return KNOWN_SIMULATOR_DIFFERENCES.filter((difference) => difference.covers(policyCase));
}

/** The case with every covering difference neutralised (repeatedly, as one rewrite can expose another). */
export function neutralized(policyCase: PolicyCase): { readonly policyCase: PolicyCase; readonly applied: readonly string[] } {
  let current = policyCase;
  const applied: string[] = [];
  for (let round = 0; round < 4; round++) {
    const covering = differencesCovering(current);
    if (covering.length === 0) break;
    for (const difference of covering) {
      current = difference.neutralize(current);
      if (!applied.includes(difference.name)) applied.push(difference.name);
    }
  }
  return { policyCase: current, applied };
}
