// Installability check: packs every publishable package, installs the tarballs into an empty project with no
// workspace links, runs `npx deputy snippet` and a programmatic call of each emitter there, and checks that
// every runtime dependency's licence is MIT, Apache-2.0, BSD or ISC.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PACKAGES = ['policy-model', 'emitter-json', 'emitter-hcl', 'emitter-cfn', 'lint', 'verify', 'cli'];
const ALLOWED_LICENCES = /^(MIT|ISC|Apache-2\.0|BSD-2-Clause|BSD-3-Clause|0BSD|BlueOak-1\.0\.0|\(MIT OR Apache-2\.0\)|MIT OR Apache-2\.0)$/;

const work = mkdtempSync(join(tmpdir(), 'deputy-pack-'));
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const present = PACKAGES.filter((name) => existsSync(join(root, 'packages', name, 'dist', 'index.js')));
const missing = PACKAGES.filter((name) => !present.includes(name));
if (missing.length > 0) {
  console.error(`error: packages not built: ${missing.join(', ')} (run npm run build first)`);
  process.exit(1);
}
const tarballs = present.map((name) => {
  const output = run('npm', ['pack', '--silent', '--pack-destination', work], join(root, 'packages', name)).trim().split('\n').pop();
  return join(work, output);
});
console.log(`packed ${tarballs.length} packages into ${work}`);

const project = join(work, 'consumer');
run('mkdir', ['-p', project], work);
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
run('npm', ['install', '--no-audit', '--no-fund', '--omit=peer', ...tarballs], project);

const snippet = run('npx', ['--no-install', 'deputy', 'snippet', '--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1', '--target', 'json'], project);
const statement = JSON.parse(snippet).Statement[0];
if (statement.Condition.StringLike['aws:SourceArn'] !== 'arn:aws:personalize:us-east-1:123456789012:*') throw new Error(`unexpected snippet: ${snippet}`);
console.log('npx deputy snippet: ok');

writeFileSync(
  join(project, 'programmatic.mjs'),
  `import { snippetModel } from '@deputy/policy-model';
import { emitJson } from '@deputy/emitter-json';
import { emitHcl } from '@deputy/emitter-hcl';
import { emitCfn } from '@deputy/emitter-cfn';
const model = snippetModel({ service: 'personalize', account: '123456789012', region: 'us-east-1' });
const outputs = { json: emitJson(model, { layout: 'flat' }), hcl: emitHcl(model), cfn: emitCfn(model) };
for (const [target, files] of Object.entries(outputs)) {
  if (files.length !== 1 || !files[0].contents.includes('personalize.amazonaws.com')) throw new Error('emitter ' + target + ' failed');
  console.log('programmatic ' + target + ': ' + files[0].path);
}
`,
);
process.stdout.write(run('node', ['programmatic.mjs'], project));

const licences = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (name.startsWith('@')) {
      walk(path);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    licences.push({ name: pkg.name, version: pkg.version, licence: typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license ?? pkg.licenses) });
    if (existsSync(join(path, 'node_modules'))) walk(join(path, 'node_modules'));
  }
};
walk(join(project, 'node_modules'));
const rejected = licences.filter((entry) => !ALLOWED_LICENCES.test(entry.licence));
for (const entry of licences.sort((a, b) => a.name.localeCompare(b.name))) console.log(`  ${entry.name}@${entry.version}: ${entry.licence}`);
if (rejected.length > 0) {
  console.error(`error: runtime dependencies with licences outside MIT/Apache/BSD/ISC: ${rejected.map((e) => `${e.name} (${e.licence})`).join(', ')}`);
  process.exit(1);
}
console.log(`licences: ${licences.length} installed packages, all MIT/Apache/BSD/ISC`);
