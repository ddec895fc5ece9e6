data "aws_iam_policy_document" "sns_to_sqs_queue_policy__conditions_stripped" {
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
  }
}

resource "aws_sqs_queue_policy" "sns_to_sqs_queue_policy__conditions_stripped" {
  queue_url = "https://sqs.us-east-1.amazonaws.com/111122223333/orders"
  policy    = data.aws_iam_policy_document.sns_to_sqs_queue_policy__conditions_stripped.json
}
