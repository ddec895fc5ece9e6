data "aws_iam_policy_document" "personalize_trust__accounts_mismatched" {
  version = "2012-10-17"

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["personalize.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }

    condition {
      test     = "StringLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:personalize:us-east-1:444455556666:*"]
    }
  }
}

resource "aws_iam_role" "personalize_trust__accounts_mismatched" {
  name               = "personalize-access"
  assume_role_policy = data.aws_iam_policy_document.personalize_trust__accounts_mismatched.json
}
