resource "aws_iam_role" "personalize_trust__conditions_stripped" {
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
      },
    ]
  })
}
