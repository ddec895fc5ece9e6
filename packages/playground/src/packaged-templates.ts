/**
 * The emitters' packaged default templates, put where the emitters look for them. Under Node an emitter finds
 * `dist/templates/<target>/` by walking up from its module file and reads the `.hbs` files and
 * `precompiled.cjs` there; in the browser the same walk (from the bundle's URL path) reaches the virtual
 * folder `/templates/<target>/`, which holds the same files, taken from each emitter's dist at build time. So
 * the emitters run exactly as under the CLI, with no template option.
 */
import { PRECOMPILED } from 'virtual:deputy-templates';
import { registerVirtualFile } from './shims/node-fs.js';
import { registerVirtualModule } from './shims/node-module.js';

/** The virtual folder of a target's packaged templates. */
export function packagedTemplateDir(target: string): string {
  return `/templates/${target}`;
}

/** Registers every target's templates and precompiled specifications. */
export function registerPackagedTemplates(): void {
  for (const [target, templates] of Object.entries(PRECOMPILED)) {
    const dir = packagedTemplateDir(target);
    for (const [name, template] of Object.entries(templates)) registerVirtualFile(`${dir}/${name}`, template.source);
    registerVirtualFile(`${dir}/precompiled.cjs`, '');
    registerVirtualModule(`${dir}/precompiled.cjs`, templates);
  }
}
