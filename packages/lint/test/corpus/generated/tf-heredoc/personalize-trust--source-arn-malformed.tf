resource "aws_iam_role" "personalize_trust__source_arn_malformed" {
  name               = "personalize-access"
  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {
            "Service": "personalize.amazonaws.com"
          },
          "Action": "sts:AssumeRole",
          "Condition": {
            "StringEquals": {
              "aws:SourceAccount": "111122223333"
            },
            "StringLike": {
              "aws:SourceArn": "arn:aws::personalize:us-east-1:111122223333:*"
            }
          }
        }
      ]
    }
  EOF
}
