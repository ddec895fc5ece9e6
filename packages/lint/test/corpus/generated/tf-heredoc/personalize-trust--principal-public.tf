resource "aws_iam_role" "personalize_trust__principal_public" {
  name               = "personalize-access"
  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": "*",
          "Action": "sts:AssumeRole"
        }
      ]
    }
  EOF
}
