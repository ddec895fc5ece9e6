data "aws_iam_policy_document" "s3_to_sns_topic_policy__source_account_dropped" {
  version = "2012-10-17"

  statement {
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = ["arn:aws:sns:us-east-1:111122223333:uploads"]

    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:s3:::uploads-111122223333"]
    }
  }
}

resource "aws_sns_topic_policy" "s3_to_sns_topic_policy__source_account_dropped" {
  arn    = "arn:aws:sns:us-east-1:111122223333:uploads"
  policy = data.aws_iam_policy_document.s3_to_sns_topic_policy__source_account_dropped.json
}
