data "aws_iam_policy_document" "personalize_trust__conditions_stripped" {
  version = "2012-10-17"

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["personalize.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "personalize_trust__conditions_stripped" {
  name               = "personalize-access"
  assume_role_policy = data.aws_iam_policy_document.personalize_trust__conditions_stripped.json
}
