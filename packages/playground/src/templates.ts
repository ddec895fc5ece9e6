/**
 * The emitters' default templates as TemplateSets, built from the precompiled templates each emitter ships in
 * `dist/templates/<target>/precompiled.cjs` (bundled by scripts/build-site.mjs). Each entry's source is the
 * `.hbs` text it was compiled from, so rendering uses the Handlebars runtime alone.
 */
import type { TemplateSet } from '@deputy/policy-model';
import { PRECOMPILED } from 'virtual:deputy-templates';

const sets = new Map<string, TemplateSet>();

/** The packaged default templates of a target. */
export function defaultTemplates(target: 'json' | 'hcl' | 'cfn'): TemplateSet {
  let set = sets.get(target);
  if (!set) {
    const entries = Object.entries(PRECOMPILED[target]);
    set = {
      target,
      sources: new Map(entries.map(([name, template]) => [name, template.source])),
      origins: new Map(entries.map(([name]) => [name, `templates/${target}/${name}`])),
      precompiled: new Map(entries),
    };
    sets.set(target, set);
  }
  return set;
}
