/**
 * Definitions written to one Terraform directory form one configuration, so no two may declare the same
 * address (`aws_iam_role.ml_x`, `output.ml_x_arn`, …). Labels come from names by one rule
 * (`terraform-labels.ts`), so `ml-x` and `ml_x` in two definitions would meet at the same address: that is
 * refused before anything is written, naming both definitions.
 */
import { DeputyInputError, type DeputyModel, type Problem } from '@deputy/policy-model';
import type { AwsProviderMajorVersion } from './environment-references.js';
import { directoryEntry, type DirectoryEntry } from './plan-model.js';

/** Collects the addresses of models written to one directory and reports every address declared twice. */
export class DirectoryAddresses {
  private readonly owners = new Map<string, string>();
  private readonly found: Problem[] = [];

  /** Records the addresses `source` declares. */
  add(source: string, addresses: readonly string[]): void {
    for (const address of addresses) {
      const owner = this.owners.get(address);
      if (owner === undefined) this.owners.set(address, source);
      else if (owner !== source) this.found.push(addressCollision(address, owner, source));
    }
  }

  /** Every collision found so far. */
  problems(): Problem[] {
    return [...this.found];
  }
}

/** The problem for an address two definitions declare. */
export function addressCollision(address: string, first: string, second: string): Problem {
  return {
    code: 'terraform-address-collision',
    message: `Terraform address ${address} is declared by both ${first} and ${second}`,
    hint: 'definitions written to one directory form one Terraform configuration: rename the role or policy in one of them (labels are the names in snake_case), or emit them into different --out-dir directories',
    file: second,
  };
}

/** Each model's directory entry, after checking that no address is declared twice; throws with every collision. */
export function checkedDirectoryEntries(models: readonly DeputyModel[], awsProviderMajorVersion: AwsProviderMajorVersion): DirectoryEntry[] {
  const addresses = new DirectoryAddresses();
  const entries = models.map((model) => {
    const entry = directoryEntry(model, { awsProviderMajorVersion });
    addresses.add(model.source, entry.addresses);
    return entry;
  });
  const problems = addresses.problems();
  if (problems.length > 0) throw new DeputyInputError(problems);
  return entries;
}
