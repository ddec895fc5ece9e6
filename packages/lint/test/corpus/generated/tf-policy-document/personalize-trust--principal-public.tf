data "aws_iam_policy_document" "personalize_trust__principal_public" {
  version = "2012-10-17"

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "personalize_trust__principal_public" {
  name               = "personalize-access"
  assume_role_policy = data.aws_iam_policy_document.personalize_trust__principal_public.json
}
