data "aws_iam_policy_document" "sns_to_sqs_queue_policy__source_arn_other_service" {
  version = "2012-10-17"

  statement {
    sid       = "AllowOrdersTopic"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:us-east-1:111122223333:orders"]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:kinesis:us-east-1:111122223333:stream/orders"]
    }
  }
}

resource "aws_sqs_queue_policy" "sns_to_sqs_queue_policy__source_arn_other_service" {
  queue_url = "https://sqs.us-east-1.amazonaws.com/111122223333/orders"
  policy    = data.aws_iam_policy_document.sns_to_sqs_queue_policy__source_arn_other_service.json
}
