import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../scripts/static-server.mjs';

describe('static server', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const root = mkdtempSync(join(tmpdir(), 'deputy-playground-'));
  const secret = mkdtempSync(join(tmpdir(), 'deputy-playground-secret-'));

  beforeAll(async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'grammar.wasm'), Buffer.from([0, 97, 115, 109]));
    mkdirSync(join(root, 'chunks'));
    writeFileSync(join(root, 'chunks', 'a.js'), 'export {};');
    writeFileSync(join(secret, 'secret.txt'), 'no');
    server = await serveStatic(root, 0);
  });

  afterAll(() => server.close());

  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves index.html for / and files with their content types', async () => {
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>x</title>');
    const wasm = await fetch(new URL('grammar.wasm', server.url));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
    expect((await fetch(new URL('chunks/a.js', server.url))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file or a folder, and never serves outside the root', async () => {
    expect((await fetch(new URL('missing.js', server.url))).status).toBe(404);
    expect((await fetch(new URL('chunks', server.url))).status).toBe(404);
    const escape = await fetch(`${server.url}..%2f${secret.split('/').pop()}%2fsecret.txt`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toBe('no');
  });

  it('refuses other methods', async () => {
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
