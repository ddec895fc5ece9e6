/**
 * Handlebars templates own each target's file layout (headers, resource wrappers). Policy values are
 * serialised by typed code before they reach a template; templates only place finished text.
 *
 * Templates are compiled with `noEscape: true` (Handlebars would otherwise turn `"` into `&quot;`) and
 * `strict: true` (a missing variable is an error, not an empty string).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';
import { DeputyInputError } from '../problems.js';
import { handlebarsWithCompiler, readPrecompiledTemplates, templateFromSpec, TEMPLATE_COMPILE_OPTIONS, type PrecompiledTemplate } from './precompiled-templates.js';

/** The templates of one target, by file name (`file.tf.hbs`). */
export interface TemplateSet {
  /** The target these templates are for (`hcl`, `cfn`, `json`). */
  readonly target: string;
  /** Template sources by file name. */
  readonly sources: ReadonlyMap<string, string>;
  /** Where each template came from, for error messages. */
  readonly origins: ReadonlyMap<string, string>;
  /** Default templates compiled at build time, by file name; used only while the source is the one compiled. */
  readonly precompiled?: ReadonlyMap<string, PrecompiledTemplate>;
}

/** Renders one template to text; throws what Handlebars throws. */
type RenderFunction = (context: object) => string;

const compiled = new WeakMap<TemplateSet, Map<string, RenderFunction>>();

/**
 * Reads a target's default templates, then lets `overrideDir/<target>/*.hbs` replace any of them by file name.
 * An override directory may hold only some of the files.
 */
export function loadTemplateSet(target: string, defaultDir: string, overrideDir?: string): TemplateSet {
  const sources = new Map<string, string>();
  const origins = new Map<string, string>();
  for (const dir of [defaultDir, overrideDir === undefined ? undefined : join(overrideDir, target)]) {
    if (dir === undefined || !existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.hbs')) continue;
      const file = join(dir, name);
      sources.set(name, readFileSync(file, 'utf8'));
      origins.set(name, file);
    }
  }
  return { target, sources, origins, precompiled: readPrecompiledTemplates(defaultDir) };
}

/** Renders one template of a set with `noEscape` and `strict`. */
export function renderTemplate(set: TemplateSet, name: string, context: object): string {
  let cache = compiled.get(set);
  if (!cache) {
    cache = new Map();
    compiled.set(set, cache);
  }
  let render = cache.get(name);
  if (!render) {
    const source = set.sources.get(name);
    if (source === undefined) throw new Error(`invariant: no template ${name} for target ${set.target}`);
    render = renderFunction(source, set.precompiled?.get(name));
    cache.set(name, render);
  }
  try {
    return render(context);
  } catch (error) {
    const origin = set.origins.get(name) ?? name;
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    throw new DeputyInputError([
      { code: 'template-error', message: `template error: ${message}`, hint: `fix the Handlebars template; the variables it may use are ${Object.keys(context).join(', ')}`, file: origin },
    ]);
  }
}

/**
 * How a template source renders: through Handlebars (its precompiled form while the source is the one
 * compiled), except that a plain template ({@link plainTemplate}) is filled in directly whenever every name
 * it refers to is a string of the context, which is what Handlebars would print; anything else is left to
 * Handlebars, loaded on first need.
 */
function renderFunction(source: string, precompiled: PrecompiledTemplate | undefined): RenderFunction {
  let handlebars: HandlebarsModule.TemplateDelegate | undefined;
  const compiledTemplate = (): HandlebarsModule.TemplateDelegate =>
    (handlebars ??= precompiled?.source === source ? templateFromSpec(precompiled.spec) : handlebarsWithCompiler().compile(source, TEMPLATE_COMPILE_OPTIONS));
  const plain = plainTemplate(source);
  if (plain === undefined) {
    const template = compiledTemplate();
    return (context) => template(context);
  }
  return (context) => fillPlainTemplate(plain, context) ?? compiledTemplate()(context);
}

/** A template of text and `{{name}}` references only, split at the references: `texts` has one more entry than `names`. */
interface PlainTemplate {
  readonly texts: readonly string[];
  readonly names: readonly string[];
}

/** `{{name}}`: a simple identifier, no spaces, paths, helpers or arguments. */
const PLAIN_REFERENCE = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/** Names that Handlebars reads as literals, keywords or built-in helpers rather than as context properties. */
const SPECIAL_NAMES = new Set(['this', 'true', 'false', 'null', 'undefined', 'else', 'blockHelperMissing', 'helperMissing', 'each', 'if', 'unless', 'log', 'lookup', 'with']);

/**
 * The source as a plain template, or undefined when it holds any other Handlebars syntax: a text part may
 * hold no `{{` or `}}`, and no reference may touch a `\` (escape), `{` or `}` (triple-stash).
 */
function plainTemplate(source: string): PlainTemplate | undefined {
  const texts: string[] = [];
  const names: string[] = [];
  let textStart = 0;
  for (const match of source.matchAll(PLAIN_REFERENCE)) {
    const name = match[1]!;
    if (SPECIAL_NAMES.has(name)) return undefined;
    texts.push(source.slice(textStart, match.index));
    names.push(name);
    textStart = match.index! + match[0].length;
  }
  texts.push(source.slice(textStart));
  const touchesReference = (text: string, index: number): boolean =>
    (index > 0 && text.startsWith('}')) || (index < names.length && (text.endsWith('\\') || text.endsWith('{')));
  if (texts.some((text, index) => text.includes('{{') || text.includes('}}') || touchesReference(text, index))) return undefined;
  return { texts, names };
}

/** The plain template filled in from the context, or undefined when a name is not an own string property of it. */
function fillPlainTemplate(template: PlainTemplate, context: object): string | undefined {
  let text = template.texts[0]!;
  for (let index = 0; index < template.names.length; index++) {
    const name = template.names[index]!;
    const value = Object.hasOwn(context, name) ? (context as Record<string, unknown>)[name] : undefined;
    if (typeof value !== 'string') return undefined;
    text += value + template.texts[index + 1]!;
  }
  return text;
}

/**
 * Finds a target's packaged default templates, walking up from the calling module: a built package keeps
 * them in `dist/templates/<target>`, the workspace in `templates/<target>` at its root.
 */
export function defaultTemplateDir(moduleUrl: string, target: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const candidate = join(dir, 'templates', target);
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`invariant: no default templates for target ${target} above ${moduleUrl}`);
    dir = parent;
  }
}

/** The header line every generated file carries, used by `deputy check` to recognise generated files. */
export const GENERATED_MARKER = 'generated by deputy';
