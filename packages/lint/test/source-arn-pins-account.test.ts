/** A Lambda permission whose SourceArn already names the account needs no aws:SourceAccount (issue 14 precision). */
import { describe, expect, test } from 'vitest';
import { lintText } from '../src/index.js';

const permission = (sourceArn: string) => `resource "aws_lambda_permission" "api" {
  statement_id  = "AllowAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.fn.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = ${sourceArn}
}
`;

describe('DPT002 and a SourceArn that pins the account', () => {
  test.each([
    ['an execute-api ARN of this configuration', '"${aws_api_gateway_rest_api.api.execution_arn}/*/*"'],
    ['a target group of this configuration', 'aws_lb_target_group.tg.arn'],
    ['a literal ARN with the account', '"arn:aws:execute-api:us-east-1:111122223333:abc123/*/GET/"'],
    ['the caller identity', '"arn:aws:execute-api:us-east-1:${data.aws_caller_identity.current.account_id}:abc123/*"'],
  ])('%s: no finding', async (_, sourceArn) => {
    const result = await lintText(permission(sourceArn), 'main.tf', 'terraform');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([]);
  });

  test('a bucket of this configuration does not: a bucket ARN names no account (DPT002 as an error)', async () => {
    const result = await lintText(permission('aws_s3_bucket.uploads.arn').replace('apigateway.amazonaws.com', 's3.amazonaws.com'), 'main.tf', 'terraform');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['DPT002']);
  });

  test('a variable may name any account: DPT002 stays', async () => {
    const result = await lintText(permission('"${var.api_execution_arn}/*/*"'), 'main.tf', 'terraform');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['DPT002']);
  });
});
