resource "aws_iam_role" "personalize_trust__source_arn_other_service" {
  name = "personalize-access"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "personalize.amazonaws.com"
        }
        Action = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "aws:SourceAccount" = "111122223333"
          }
          StringLike = {
            "aws:SourceArn" = "arn:aws:sqs:us-east-1:111122223333:*"
          }
        }
      },
    ]
  })
}
