/**
 * Everything the page shows is a function of this state, and the state is all the shareable URL holds: it is
 * encoded in the fragment (`#state=…`), which browsers never send to a server.
 */
import type { IntegrationKind } from '@deputy/policy-model';

/** The three modes of the page. */
export const MODES = ['snippet', 'definition', 'lint'] as const;

/** A mode. */
export type Mode = (typeof MODES)[number];

/** The kinds of text lint mode reads, as `lintText` names them (`yaml` is a CloudFormation template). */
export const LINT_KINDS = ['json', 'yaml', 'terraform', 'tf-json'] as const;

/** A lint input kind. */
export type LintKind = (typeof LINT_KINDS)[number];

/** The whole state of the playground. */
export interface PlaygroundState {
  /** The mode shown. */
  readonly mode: Mode;
  /** Snippet: a catalog key or service principal. */
  readonly service: string;
  /** Snippet: the integration whose evidence is shown (`role-trust` is the one snippets emit). */
  readonly integration: IntegrationKind;
  /** Snippet: a 12-digit account ID or `current`. */
  readonly account: string;
  /** Snippet: a Region or `current`. */
  readonly region: string;
  /** Snippet: `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
  /** Snippet: the role name; empty for the CLI's default `<service>-role`. */
  readonly roleName: string;
  /** Snippet: the resource a resource policy is attached to (bucket name, topic ARN, queue URL or ARN, function name). */
  readonly resource: string;
  /** HCL policy style (`--hcl-style`). */
  readonly style: 'jsonencode' | 'policy-document';
  /** CloudFormation format (`--cfn-format`). */
  readonly format: 'yaml' | 'json';
  /** AWS provider major version (`--aws-provider-version`). */
  readonly awsProviderMajorVersion: 5 | 6;
  /** Definition mode: the YAML or JSON text. */
  readonly definition: string;
  /** Lint mode: the pasted text. */
  readonly lintText: string;
  /** Lint mode: the file name findings are reported against (its extension picks the kind when known). */
  readonly lintFile: string;
  /** Lint mode: how the text is read. */
  readonly lintKind: LintKind;
}

/** The definition shown first: the Personalize example of the repository. */
export const STARTER_DEFINITION = `# A deputy definition: edit it and every target updates as you type.
version: 1
account: "111122223333"
region: us-east-1
partition: aws
roles:
  - name: personalize-s3-access
    description: Lets Amazon Personalize read training data from the datasets bucket
    trustedServices:
      - service: personalize
    inlinePolicies:
      - name: read-training-data
        document:
          Version: "2012-10-17"
          Statement:
            - Sid: ReadTrainingData
              Effect: Allow
              Action: s3:GetObject
              Resource: "arn:{{partition}}:s3:::personalize-datasets-{{account}}/*"
`;

/** The policy shown first in lint mode: a trust policy with no confused-deputy condition. */
export const STARTER_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "personalize.amazonaws.com" },
      "Action": "sts:AssumeRole"
    }
  ]
}
`;

/** The state of a fresh page. */
export const DEFAULT_STATE: PlaygroundState = {
  mode: 'snippet',
  service: 'personalize',
  integration: 'role-trust',
  account: '111122223333',
  region: 'us-east-1',
  partition: 'aws',
  roleName: '',
  resource: '',
  style: 'jsonencode',
  format: 'yaml',
  awsProviderMajorVersion: 6,
  definition: STARTER_DEFINITION,
  lintText: STARTER_POLICY,
  lintFile: 'policy.json',
  lintKind: 'json',
};
