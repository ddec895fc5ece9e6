resource "aws_sns_topic_policy" "s3_to_sns_topic_policy__conditions_stripped" {
  arn = "arn:aws:sns:us-east-1:111122223333:uploads"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "s3.amazonaws.com"
        }
        Action   = "sns:Publish"
        Resource = "arn:aws:sns:us-east-1:111122223333:uploads"
      },
    ]
  })
}
