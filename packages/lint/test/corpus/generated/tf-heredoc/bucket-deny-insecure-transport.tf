resource "aws_s3_bucket_policy" "bucket_deny_insecure_transport" {
  bucket = "data-111122223333"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "DenyInsecureTransport",
          "Effect": "Deny",
          "Principal": "*",
          "Action": "s3:*",
          "Resource": [
            "arn:aws:s3:::data-111122223333",
            "arn:aws:s3:::data-111122223333/*"
          ],
          "Condition": {
            "Bool": {
              "aws:SecureTransport": "false"
            }
          }
        }
      ]
    }
  EOF
}
