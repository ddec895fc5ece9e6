data "aws_iam_policy_document" "bucket_deny_insecure_transport" {
  version = "2012-10-17"

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::data-111122223333", "arn:aws:s3:::data-111122223333/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "bucket_deny_insecure_transport" {
  bucket = "data-111122223333"
  policy = data.aws_iam_policy_document.bucket_deny_insecure_transport.json
}
