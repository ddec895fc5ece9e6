resource "aws_lambda_permission" "s3_invoke_permission" {
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnailer"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::uploads-111122223333"
  source_account = "111122223333"
}
