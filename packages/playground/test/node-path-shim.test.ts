import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as shim from '../src/shims/node-path.js';

const PATHS = ['/', '/a/b/c.tf', '/a/b/', 'a/b/../c', './x.json', '/templates/hcl', '/a/./b//c/', 'file.tf.json', '..', '/..', '.hidden', 'a/b.c/d'];

describe('node:path shim agrees with Node on POSIX paths', () => {
  it.each(PATHS)('dirname, basename, extname, normalize of %s', (path) => {
    expect(shim.dirname(path)).toBe(posix.dirname(path));
    expect(shim.basename(path)).toBe(posix.basename(path));
    expect(shim.basename(path, '.tf')).toBe(posix.basename(path, '.tf'));
    expect(shim.extname(path)).toBe(posix.extname(path));
    expect(shim.normalize(path)).toBe(posix.normalize(path).replace(/(.)\/$/, '$1'));
  });

  it('join, resolve and relative', () => {
    expect(shim.join('/templates', 'hcl', 'file.tf.hbs')).toBe(posix.join('/templates', 'hcl', 'file.tf.hbs'));
    expect(shim.join('/iam-data/dist/esm', '..', '..', 'data')).toBe('/iam-data/data');
    expect(shim.resolve('/a/b', '../c')).toBe(posix.resolve('/a/b', '../c'));
    expect(shim.resolve('/a', '/b', 'c')).toBe(posix.resolve('/a', '/b', 'c'));
    expect(shim.relative('/a/b/c', '/a/d')).toBe(posix.relative('/a/b/c', '/a/d'));
    expect(shim.isAbsolute('/x')).toBe(true);
    expect(shim.isAbsolute('x')).toBe(false);
  });
});
