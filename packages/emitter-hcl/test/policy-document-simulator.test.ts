/**
 * The data-source simulator used by the round trips, checked against the provider's documented behaviour
 * on a hand-written configuration: defaults, string sets (deduplicated, reverse byte order, one value as a
 * string), `&{` → `${`, principal merging and the `*` special case, condition merging, key order.
 */
import { describe, expect, it } from 'vitest';
import { interpolate, reference } from '@deputy/policy-model';
import { parseHcl, simulatePolicyDocument, traversalDecoder, at, onlyBody } from './support/index.js';

const CONFIGURATION = `
data "aws_iam_policy_document" "probe" {
  policy_id = "example"

  statement {
    sid       = "Read"
    actions   = ["s3:ListBucket", "s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::home/&{aws:username}", "arn:aws:s3:::home/&{aws:username}/*"]
  }

  statement {
    sid           = ""
    effect        = "Deny"
    not_actions   = ["s3:*"]
    not_resources = ["arn:aws:s3:::b"]

    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["home/", "", "home/&{aws:username}/"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = [false]
    }
  }

  statement {
    actions = ["kinesis:*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }

  statement {
    actions = ["firehose:*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }

  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:\${data.aws_partition.current.partition}:sqs:*:\${data.aws_caller_identity.current.account_id}:q", "arn:aws:sqs:*:000000000000:q"]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com", "events.amazonaws.com"]
    }

    principals {
      type        = "AWS"
      identifiers = ["111122223333"]
    }
  }
}
`;

describe('simulatePolicyDocument', () => {
  it('builds the policy the provider builds, in its key order', async () => {
    const parsed = await parseHcl(CONFIGURATION);
    const simulated = simulatePolicyDocument(onlyBody(at(parsed, 'data', 'aws_iam_policy_document', 'probe'), 'probe'), traversalDecoder(new Map()));
    const queueArn = interpolate(['arn:', reference('partition'), ':sqs:*:', reference('account'), ':q']);
    const expected = {
      Version: '2012-10-17',
      Id: 'example',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/${aws:username}'] },
        {
          Effect: 'Deny',
          NotAction: 's3:*',
          NotResource: 'arn:aws:s3:::b',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringLike: { 's3:prefix': ['home/', '', 'home/${aws:username}/'] } },
        },
        { Effect: 'Allow', Action: 'kinesis:*', Principal: { AWS: '*' } },
        { Effect: 'Allow', Action: 'firehose:*', Principal: '*' },
        {
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: [queueArn, 'arn:aws:sqs:*:000000000000:q'],
          Principal: { AWS: '111122223333', Service: ['sns.amazonaws.com', 'events.amazonaws.com'] },
        },
      ],
    };
    expect(JSON.stringify(simulated)).toBe(JSON.stringify(expected));
  });

  it('defaults version to 2012-10-17 and refuses repeated Sids', async () => {
    const parsed = await parseHcl('data "aws_iam_policy_document" "d" {\n  statement {\n    sid = "A"\n  }\n  statement {\n    sid = "A"\n  }\n}\n');
    expect(() => simulatePolicyDocument(onlyBody(at(parsed, 'data', 'aws_iam_policy_document', 'd'), 'd'), traversalDecoder(new Map()))).toThrow(/duplicate Sid \(A\)/);
    const empty = await parseHcl('data "aws_iam_policy_document" "d" {}\n');
    expect(simulatePolicyDocument(onlyBody(at(empty, 'data', 'aws_iam_policy_document', 'd'), 'd'), traversalDecoder(new Map()))).toEqual({ Version: '2012-10-17' });
  });
});
