data "aws_iam_policy_document" "ecs_tasks_trust__operator_invalid" {
  version = "2012-10-17"

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = " ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:ecs:us-east-1:111122223333:*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}

resource "aws_iam_role" "ecs_tasks_trust__operator_invalid" {
  name               = "order-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust__operator_invalid.json
}
