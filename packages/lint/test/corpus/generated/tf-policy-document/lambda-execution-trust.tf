data "aws_iam_policy_document" "lambda_execution_trust" {
  version = "2012-10-17"

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "lambda_execution_trust" {
  name               = "thumbnailer"
  assume_role_policy = data.aws_iam_policy_document.lambda_execution_trust.json
}
