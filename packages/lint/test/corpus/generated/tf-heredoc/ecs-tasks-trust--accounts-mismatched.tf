resource "aws_iam_role" "ecs_tasks_trust__accounts_mismatched" {
  name               = "order-task"
  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {
            "Service": "ecs-tasks.amazonaws.com"
          },
          "Action": "sts:AssumeRole",
          "Condition": {
            "ArnLike": {
              "aws:SourceArn": "arn:aws:ecs:us-east-1:444455556666:*"
            },
            "StringEquals": {
              "aws:SourceAccount": "111122223333"
            }
          }
        }
      ]
    }
  EOF
}
