variable "account_id" {
  type = string
}

# deputy:ignore DPT001 Transcribe jobs are started only by this account's pipeline; tracked in SEC-142
data "aws_iam_policy_document" "transcribe_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["transcribe.amazonaws.com"]
    }
  }
}

# deputy:ignore DPT001
resource "aws_iam_role" "rds_export" {
  name = "rds-export"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = "arn:aws:sns:eu-west-1:111122223333:alarms"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": { "Service": "cloudwatch.amazonaws.com" },
          "Action": "sns:Publish",
          "Resource": "arn:aws:sns:eu-west-1:111122223333:alarms",
          "Condition": {
            "StringEquals": {
              "aws:SourceAccount": "${var.account_id}",
              "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:${var.account_id}:alarm:*"
            }
          }
        }
      ]
    }
  EOF
}

resource "aws_iam_role" "logs_destination" {
  name               = "logs-destination"
  assume_role_policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs.eu-west-1.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringLike\":{\"aws:SourceArn\":\"arn:aws:logs:us-east-1:111122223333:*\"}}}]}"
}

resource "aws_lambda_permission" "thumbnails" {
  action        = "lambda:InvokeFunction"
  function_name = "thumbnailer"
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::uploads-111122223333" # deputy:ignore DPT002 the bucket is pinned by an S3 Access Point in another stack
}

resource "aws_s3_bucket_policy" "broken" {
  bucket = "broken-111122223333"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::broken-111122223333/*", }
  ]
}
EOF
}
