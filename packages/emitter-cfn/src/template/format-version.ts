/** The only `AWSTemplateFormatVersion` CloudFormation defines. */
export const FORMAT_VERSION = '2010-09-09';
