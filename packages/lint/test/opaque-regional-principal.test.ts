/** A regional principal whose Region is a deploy-time reference is still the catalog service it names. */
import { describe, expect, test } from 'vitest';
import { lintText } from '../src/index.js';

const terraform = (condition: string) => `resource "aws_iam_role" "destination" {
  name = "logs-destination"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "logs.\${var.region}.amazonaws.com" }
      Action    = "sts:AssumeRole"${condition}
    }]
  })
}
`;

describe('logs.${region}.amazonaws.com', () => {
  test('without a condition it is the CloudWatch Logs trust DPT001 names, not an unknown principal', async () => {
    const result = await lintText(terraform(''), 'main.tf', 'terraform');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['DPT001']);
    expect(result.findings[0]!.message).toContain('logs.${var.region}.amazonaws.com (Amazon CloudWatch Logs)');
    expect(result.exemptions.filter((exemption) => /not in deputy's service catalog/.test(exemption.reason))).toEqual([]);
  });

  test('with the documented SourceArn it is clean', async () => {
    const condition = '\n      Condition = { StringLike = { "aws:SourceArn" = "arn:aws:logs:${var.region}:${data.aws_caller_identity.current.account_id}:*" } }';
    const result = await lintText(terraform(condition), 'main.tf', 'terraform');
    expect(result.findings).toEqual([]);
  });
});
