resource "aws_lambda_permission" "s3_invoke_permission__conditions_stripped" {
  action        = "lambda:InvokeFunction"
  function_name = "thumbnailer"
  principal     = "s3.amazonaws.com"
}
