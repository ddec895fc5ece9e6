data "aws_iam_policy_document" "ec2_instance_trust" {
  version = "2012-10-17"

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ec2_instance_trust" {
  name               = "build-agent"
  assume_role_policy = data.aws_iam_policy_document.ec2_instance_trust.json
}
