// Installability check: packs every publishable package (every packages/* whose package.json is not private),
// checks each tarball holds its README and every file its `exports` name, installs the tarballs into an empty
// project with no workspace links, runs `npx deputy snippet` / `emit` / `lint` and a programmatic call of each
// emitter and of the Terraform plan there, builds the cdktf construct in a second project that also installs
// its peers (cdktf, constructs), and checks that every runtime dependency's licence is MIT, Apache-2.0, BSD or ISC.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PACKAGES = readdirSync(join(root, 'packages'))
  .filter((name) => existsSync(join(root, 'packages', name, 'package.json')))
  .filter((name) => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')).private !== true)
  .sort();
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
console.log(`packed ${tarballs.length} packages into ${work}: ${present.join(', ')}`);

for (const tarball of tarballs) {
  const listed = new Set(run('tar', ['-tzf', tarball], work).split('\n').map((path) => path.replace(/^package\//, '')));
  const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], work));
  const targets = [manifest.main, ...Object.values(manifest.exports ?? {}).flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))].filter(Boolean);
  const absent = ['README.md', ...targets.map((path) => path.replace(/^\.\//, ''))].filter((path) => !listed.has(path));
  if (absent.length > 0) throw new Error(`${manifest.name}: the tarball lacks ${absent.join(', ')}`);
}
console.log(`every tarball holds its README and its exports`);

const project = join(work, 'consumer');
run('mkdir', ['-p', project], work);
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
run('npm', ['install', '--no-audit', '--no-fund', '--omit=peer', ...tarballs], project);

const snippet = run('npx', ['--no-install', 'deputy', 'snippet', '--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1', '--target', 'json'], project);
const statement = JSON.parse(snippet).Statement[0];
if (statement.Condition.StringLike['aws:SourceArn'] !== 'arn:aws:personalize:us-east-1:123456789012:*') throw new Error(`unexpected snippet: ${snippet}`);
console.log('npx deputy snippet: ok');

writeFileSync(join(project, 'defs.yaml'), 'version: 1\nroles:\n  - name: ml-reader\n    trustedServices:\n      - service: personalize\n');
const emitted = run('npx', ['--no-install', 'deputy', 'emit', 'defs.yaml', '--target', 'hcl,tf-json,cfn', '--out-dir', 'out'], project);
for (const path of ['out/hcl/defs.tf', 'out/hcl/deputy.tf', 'out/tf-json/defs.tf.json', 'out/tf-json/deputy.tf.json', 'out/cfn/defs.yaml']) {
  if (!existsSync(join(project, path))) throw new Error(`npx deputy emit did not write ${path}: ${emitted}`);
}
run('npx', ['--no-install', 'deputy', 'lint', 'out/hcl', 'out/tf-json', 'out/cfn'], project);
console.log('npx deputy emit and lint: ok');

writeFileSync(
  join(project, 'programmatic.mjs'),
  `import { snippetModel } from '@deputy/policy-model';
import { emitJson } from '@deputy/emitter-json';
import { emitHcl } from '@deputy/emitter-hcl';
import { emitCfn } from '@deputy/emitter-cfn';
import { emitTerraformJson } from '@deputy/emitter-tf-json';
import { planTerraform, planBlockAddress } from '@deputy/terraform-plan';
const model = snippetModel({ service: 'personalize', account: '123456789012', region: 'us-east-1' });
const outputs = { json: emitJson(model, { layout: 'flat' }), hcl: emitHcl(model), cfn: emitCfn(model), 'tf-json': emitTerraformJson(model) };
for (const [target, files] of Object.entries(outputs)) {
  if (files.length !== 1 || !files[0].contents.includes('personalize.amazonaws.com')) throw new Error('emitter ' + target + ' failed');
  console.log('programmatic ' + target + ': ' + files[0].path);
}
const addresses = planTerraform(model).blocks.map(planBlockAddress);
if (!addresses.includes('aws_iam_role.personalize_role')) throw new Error('terraform-plan: ' + addresses.join(', '));
console.log('programmatic terraform-plan: ' + addresses.join(', '));
`,
);
process.stdout.write(run('node', ['programmatic.mjs'], project));

const cdkProject = join(work, 'cdk-consumer');
run('mkdir', ['-p', cdkProject], work);
writeFileSync(join(cdkProject, 'package.json'), JSON.stringify({ name: 'cdk-consumer', private: true, type: 'module' }, null, 2));
const installedVersion = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const ownTarballs = (names) => names.map((name) => tarballs[present.indexOf(name)]);
run('npm', ['install', '--no-audit', '--no-fund', ...ownTarballs(['policy-model', 'terraform-plan', 'emitter-cdktf']), `cdktf@${installedVersion('cdktf')}`, `constructs@${installedVersion('constructs')}`], cdkProject);
writeFileSync(
  join(cdkProject, 'construct.mjs'),
  `import { App, TerraformStack } from 'cdktf';
import { snippetModel } from '@deputy/policy-model';
import { DeputyRoles } from '@deputy/emitter-cdktf';
const stack = new TerraformStack(new App({ skipValidation: true }), 'iam');
const roles = new DeputyRoles(stack, 'roles', { model: snippetModel({ service: 'personalize', account: '123456789012', region: 'us-east-1' }) });
const synthesized = JSON.stringify(stack.toTerraform());
if (!synthesized.includes('personalize.amazonaws.com') || !roles.elements.has('aws_iam_role.personalize_role')) throw new Error('DeputyRoles failed');
console.log('programmatic emitter-cdktf: DeputyRoles with ' + roles.elements.size + ' elements');
`,
);
process.stdout.write(run('node', ['construct.mjs'], cdkProject));

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
