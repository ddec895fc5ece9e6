/**
 * The Regions that are disabled by default ("opt-in Regions"). Some services (GuardDuty, SNS) must be named
 * by their Region-specific principal there. Source: https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 */
export const OPT_IN_REGIONS: readonly string[] = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
];

/** True when `region` is disabled by default in its account. */
export function isOptInRegion(region: string): boolean {
  return OPT_IN_REGIONS.includes(region);
}
