/**
 * A hand-made model holding, in every free-text position, what the tf-json target must carry exactly:
 * cdktf's own token encodings, Terraform template syntax, `$` right before a reference, and text that is
 * not in Unicode NFC. The fast-check models rarely hit these by chance.
 */
import { interpolate, reference, type DeputyModel, type PolicyString } from '@deputy/policy-model';

/** cdktf token shapes (string, list and map markers, map-token values, a token-encoded number). */
export const CDKTF_TOKEN_TEXTS: readonly string[] = [
  '${TfToken[TOKEN.1]}',
  '$${TfToken[TOKEN.2]}',
  '#{TfToken[TOKEN.3]}',
  '&{TfToken[TOKEN.4]}',
  'String Map Token Value',
  'Any Map Token Value',
  '-1.8881545897087626e+289',
  'x-1.8881545897087626e+289e5',
];

/**
 * Text Terraform's string normalisation changes: a decomposed é, a CJK compatibility ideograph, the
 * Angstrom sign, a leading combining mark, and runs past the Stream-Safe limit of 30 non-starters.
 */
export const NON_NFC_TEXTS: readonly string[] = ['cafe\u0301', '\uF900', '\u212B', '\u0301leading', `e${'\u0301'.repeat(40)}`, '\u314F'.repeat(40)];

/** Template syntax and `$` runs. */
export const TEMPLATE_TEXTS: readonly string[] = ['${aws:username}', '%{ if x }', '$${kept}', '%%{kept}', '$', '$$', 'end$', '100%', '${', '}'];

const ALL = [...CDKTF_TOKEN_TEXTS, ...NON_NFC_TEXTS, ...TEMPLATE_TEXTS];

/** Every hostile text, then each followed by a reference, as policy strings. */
function hostileStrings(): PolicyString[] {
  return [
    ...ALL,
    ...ALL.map((text) => interpolate([text, reference('account')])),
    ...ALL.map((text) => interpolate([reference('partition'), text, reference('region')])),
  ];
}

/** The model: one role (trust and inline policy, tags, boundary) and one policy of each kind that takes free text. */
export function hostileModel(): DeputyModel {
  const strings = hostileStrings();
  const document = {
    Version: '2012-10-17' as const,
    Statement: [
      {
        Sid: 'Hostile',
        Effect: 'Allow' as const,
        Action: 's3:GetObject',
        Resource: strings,
        Condition: { StringLike: Object.fromEntries(ALL.map((text) => [`aws:PrincipalTag/${text}`, strings])) },
      },
    ],
  };
  return {
    source: 'hostile-model.yaml',
    baseName: 'hostile-model',
    environment: { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } },
    roles: [
      {
        name: 'hostile',
        id: 'hostile',
        description: ALL.join(' | '),
        path: '/hostile/',
        permissionsBoundary: interpolate(['arn:', reference('partition'), ':iam::', reference('account'), ':policy/$', reference('region'), '/${TfToken[TOKEN.1]}']),
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': interpolate([reference('account')]) } } }],
        },
        inlinePolicies: [{ name: 'hostile-inline', id: 'hostile-inline', document }],
        managedPolicyArns: [interpolate(['arn:', reference('partition'), ':iam::aws:policy/#{TfToken[TOKEN.3]}'])],
        tags: ALL.map((text, index) => ({ key: `k${index}:${text}`, value: text })),
        notices: [],
      },
    ],
    resourcePolicies: [
      { name: 'hostile-bucket', id: 'hostile-bucket', attachment: { type: 's3-bucket', bucket: interpolate(['bucket-$', reference('account')]) }, document, notices: [] },
      { name: 'hostile-document', id: 'hostile-document', attachment: { type: 'document' }, document, notices: [] },
    ],
  };
}
