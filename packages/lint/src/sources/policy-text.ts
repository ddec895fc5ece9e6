/**
 * The one test of whether text can hold something deputy lints: a policy (`Statement`), a Terraform policy
 * document data source or Lambda permission, a CloudFormation Lambda permission. A walked file whose text
 * fails it is not parsed at all, and a resource of a large template whose text fails it is not built; a
 * reader that learns to find policies in another construct extends this pattern.
 */

const POLICY_TEXT = /Statement|aws_iam_policy_document|aws_lambda_permission|AWS::Lambda::Permission/;

/** True when the text may hold a policy or a Lambda permission. */
export function mayHoldPolicy(text: string): boolean {
  return POLICY_TEXT.test(text);
}
