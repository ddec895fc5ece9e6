/** Serves `root` on 127.0.0.1:`port` (0: any free port); `url` ends with `/`. */
export function serveStatic(root: string, port?: number): Promise<{ url: string; close: () => Promise<void> }>;
