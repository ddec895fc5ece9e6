resource "aws_iam_role" "ecs_tasks_trust__operator_weakened" {
  name = "order-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "aws:SourceAccount" = "111122223333"
            "aws:SourceArn"     = "arn:aws:ecs:us-east-1:111122223333:*"
          }
        }
      },
    ]
  })
}
