# Values Terraform only knows at apply time count as present: the linter must stay quiet here.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

variable "account_id" {
  type = string
}

variable "extra_conditions" {
  type = list(object({ test = string, variable = string, values = list(string) }))
}

variable "use_events" {
  type    = bool
  default = false
}

resource "aws_iam_role" "forecast_import" {
  name = "forecast-import"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "forecast.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = var.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:${data.aws_partition.current.partition}:forecast:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:*" }
      }
    }]
  })
}

data "aws_iam_policy_document" "state_machine_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }

    dynamic "condition" {
      for_each = var.extra_conditions
      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
    }
  }
}

resource "aws_iam_role" "either_service" {
  name = "either-service"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = var.use_events ? "events.amazonaws.com" : "scheduler.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

locals {
  trusted_services = ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]
  generated_trust = {
    Version   = "2012-10-17"
    Statement = [for service in local.trusted_services : { Effect = "Allow", Principal = { Service = service }, Action = "sts:AssumeRole" }]
  }
}

resource "aws_iam_role" "edge" {
  name               = "edge"
  assume_role_policy = jsonencode(local.generated_trust)
}

resource "aws_iam_role" "ssm_service_linked" {
  name = "AWSServiceRoleForAmazonSSM"
  path = "/aws-service-role/ssm.amazonaws.com/"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ssm.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_lambda_permission" "from_scheduler_rule" {
  statement_id  = "AllowEventBridge"
  action        = "lambda:InvokeFunction"
  function_name = "nightly-report"
  principal     = "events.amazonaws.com"
  source_arn    = "arn:aws:events:${data.aws_region.current.name}:${var.account_id}:rule/nightly"
}
