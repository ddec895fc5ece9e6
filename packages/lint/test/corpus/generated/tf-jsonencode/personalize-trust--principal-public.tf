resource "aws_iam_role" "personalize_trust__principal_public" {
  name = "personalize-access"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "sts:AssumeRole"
      },
    ]
  })
}
