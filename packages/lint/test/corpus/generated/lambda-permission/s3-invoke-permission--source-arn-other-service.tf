resource "aws_lambda_permission" "s3_invoke_permission__source_arn_other_service" {
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnailer"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:sns:us-east-1:111122223333:uploads"
  source_account = "111122223333"
}
