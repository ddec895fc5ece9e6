/** The long (JSON) form of intrinsic functions: `{ "Ref": … }`, `{ "Fn::Sub": … }`, … */
import type { CfnIntrinsic, CfnMap } from './cfn-value.js';
import { cfnList, cfnMap } from './cfn-value.js';

/** An intrinsic as the one-entry map CloudFormation's JSON syntax uses. */
export function longForm(intrinsic: CfnIntrinsic): CfnMap {
  switch (intrinsic.kind) {
    case 'ref':
      return cfnMap([['Ref', intrinsic.target]]);
    case 'sub':
      return cfnMap([['Fn::Sub', intrinsic.template]]);
    case 'get-att':
      return cfnMap([['Fn::GetAtt', cfnList([intrinsic.resource, intrinsic.attribute])]]);
    case 'join':
      return cfnMap([['Fn::Join', cfnList([intrinsic.delimiter, cfnList(intrinsic.items)])]]);
  }
}
