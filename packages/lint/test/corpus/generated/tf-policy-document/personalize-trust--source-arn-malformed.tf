data "aws_iam_policy_document" "personalize_trust__source_arn_malformed" {
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
      values   = ["arn:aws::personalize:us-east-1:111122223333:*"]
    }
  }
}

resource "aws_iam_role" "personalize_trust__source_arn_malformed" {
  name               = "personalize-access"
  assume_role_policy = data.aws_iam_policy_document.personalize_trust__source_arn_malformed.json
}
