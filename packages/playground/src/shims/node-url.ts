/** `node:url` in the browser: file URLs map to their path, and back. */
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(String(url)).pathname);
}

/** A file: URL for a path. */
export function pathToFileURL(path: string): URL {
  return new URL(`file://${encodeURI(path.startsWith('/') ? path : `/${path}`)}`);
}

export default { fileURLToPath, pathToFileURL };
