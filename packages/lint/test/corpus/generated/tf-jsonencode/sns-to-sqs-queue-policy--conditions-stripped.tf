resource "aws_sqs_queue_policy" "sns_to_sqs_queue_policy__conditions_stripped" {
  queue_url = "https://sqs.us-east-1.amazonaws.com/111122223333/orders"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "AllowOrdersTopic"
        Effect = "Allow"
        Principal = {
          Service = "sns.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = "arn:aws:sqs:us-east-1:111122223333:orders"
      },
    ]
  })
}
