resource "aws_lambda_permission" "s3_invoke_permission__source_account_dropped" {
  action        = "lambda:InvokeFunction"
  function_name = "thumbnailer"
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::uploads-111122223333"
}
