/** The catalog's evidence for the chosen service and integration: what AWS documents, with links and quotes. */
import { integrationLabel, principalFor, type Integration, type ServiceCatalogEntry } from '@deputy/policy-model';
import { h } from './dom.js';

const STATUS_TEXT: Readonly<Record<Integration['status'], string>> = {
  documented: 'AWS documents the confused-deputy keys this service sends here.',
  'documented-none': 'AWS documents that this service sends no usable confused-deputy key here: deputy adds no condition.',
  undocumented: 'AWS documents no confused-deputy key for this integration: deputy adds no condition, and says so.',
};

/** The evidence panel's content for an entry and one of its integrations. */
export function evidenceView(entry: ServiceCatalogEntry | undefined, integration: Integration | undefined, partition: string, region: string): Node[] {
  if (!entry) return [h('p', {}, 'Not in the catalog: pick a service from the list, or type a service principal (….amazonaws.com).')];
  const facts: [string, Node | string][] = [
    ['Service', `${entry.name} (${entry.key})`],
    ['Principal', h('code', {}, principalFor(entry, partition, region === 'current' ? undefined : region))],
    ['Documentation', link(entry.documentation)],
  ];
  if (!integration) return [h('dl', {}, ...definitionRows(facts))];
  facts.push(['Integration', integrationLabel(integration)], ['Use', integration.use], ['Status', `${integration.status}: ${STATUS_TEXT[integration.status]}`]);
  if (integration.keys && integration.keys.length > 0) facts.push(['Keys', integration.keys.join(', ')]);
  if (integration.optionalKeys && integration.optionalKeys.length > 0) facts.push(['Optional keys', integration.optionalKeys.join(', ')]);
  if (integration.sourceArn) facts.push(['SourceArn', h('code', {}, `${integration.sourceArn.operator} ${integration.sourceArn.pattern}`)]);
  if (integration.organizationKeys) facts.push(['Organization keys', integration.organizationKeys]);
  if (integration.reason) facts.push(['Why', integration.reason]);
  const nodes: Node[] = [h('dl', {}, ...definitionRows(facts))];
  if (entry.notes) nodes.push(h('p', {}, h('strong', {}, 'Notes: '), entry.notes));
  for (const evidence of integration.evidence) {
    nodes.push(h('figure', { class: 'quote' },
      h('blockquote', { cite: evidence.url }, evidence.quote),
      h('figcaption', {}, link(evidence.url), ` (read ${evidence.checked})`)));
  }
  if (integration.kind !== 'role-trust') {
    nodes.push(h('p', { class: 'help' }, 'Snippets are role trust policies (as deputy snippet). For this resource policy, write its statement in the Definition tab, or paste an existing one in the Lint tab.'));
  }
  return nodes;
}

function definitionRows(facts: readonly [string, Node | string][]): Node[] {
  return facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]);
}

function link(url: string): HTMLAnchorElement {
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url);
}
