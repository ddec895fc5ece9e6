data "aws_iam_policy_document" "cloudtrail_bucket_policy__conditions_stripped" {
  version = "2012-10-17"

  statement {
    sid       = "AWSCloudTrailAclCheck"
    effect    = "Allow"
    actions   = ["s3:GetBucketAcl"]
    resources = ["arn:aws:s3:::trail-logs-111122223333"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }

  statement {
    sid       = "AWSCloudTrailWrite"
    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::trail-logs-111122223333/AWSLogs/111122223333/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudtrail:us-east-1:111122223333:trail/main"]
    }
  }
}

resource "aws_s3_bucket_policy" "cloudtrail_bucket_policy__conditions_stripped" {
  bucket = "trail-logs-111122223333"
  policy = data.aws_iam_policy_document.cloudtrail_bucket_policy__conditions_stripped.json
}
