data "aws_iam_policy_document" "ecs_tasks_trust__conditions_stripped" {
  version = "2012-10-17"

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ecs_tasks_trust__conditions_stripped" {
  name               = "order-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust__conditions_stripped.json
}
