/**
 * `@deputy/nx-plugin`: register it in `nx.json` (`"plugins": ["@deputy/nx-plugin"]`) and every folder holding a
 * `deputy.json` marker becomes a project with `emit`, `check`, `verify` and `lint` targets, so that
 * `nx affected -t emit` re-emits only the teams whose definitions changed.
 */
import type { CreateNodesContextV2, CreateNodesResultV2, CreateNodesV2 } from 'nx/src/project-graph/plugins/public-api.js';
import { deputyProject, MARKER_FILE, type DeputyPluginOptions } from './deputy-projects.js';

export { deputyProject, MARKER_FILE, type DeputyPluginOptions, type DeputyProjectConfig, type InferredProject, type InferredTarget } from './deputy-projects.js';

/** The projects of the marker files nx found. */
export function createDeputyNodes(markerFiles: readonly string[], options: DeputyPluginOptions | undefined, context: CreateNodesContextV2): CreateNodesResultV2 {
  return markerFiles.map((file) => {
    const { root, ...project } = deputyProject(file, context.workspaceRoot, options ?? {});
    return [file, { projects: { [root]: { root, ...project } as never } }] as const;
  });
}

/** The nx `createNodes` (v2 API): one project per `deputy.json`. */
export const createNodesV2: CreateNodesV2<DeputyPluginOptions> = [`**/${MARKER_FILE}`, createDeputyNodes];

/** nx 21+ reads `createNodes` with the v2 signature too. */
export const createNodes = createNodesV2;

/** The plugin's name in nx's messages. */
export const name = '@deputy/nx-plugin';
