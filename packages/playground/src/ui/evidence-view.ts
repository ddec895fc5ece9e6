/**
 * The catalog's evidence for the chosen service and integration, from `describeService` (what
 * `deputy services --json` prints): the keys AWS documents, the SourceArn pattern, the pages and quotes.
 */
import { describeService, principalFor, type IntegrationDescription, type IntegrationStatus, type ServiceCatalogEntry } from '@deputy/policy-model';
import { h } from './dom.js';

const STATUS_TEXT: Readonly<Record<IntegrationStatus, string>> = {
  documented: 'AWS documents the confused-deputy keys this service sends here.',
  'documented-none': 'AWS documents that this service sends no usable confused-deputy key here: deputy adds no condition.',
  undocumented: 'AWS documents no confused-deputy key for this integration: deputy adds no condition, and says so.',
};

/** The index of the integration to show: the first of the chosen kind, else the role trust, else the first. */
export function chosenIntegration(integrations: readonly Pick<IntegrationDescription, 'kind'>[], kind: string): number {
  const index = integrations.findIndex((integration) => integration.kind === kind);
  if (index >= 0) return index;
  const trust = integrations.findIndex((integration) => integration.kind === 'role-trust');
  return trust >= 0 ? trust : 0;
}

/** The evidence panel's content for an entry and one of its integrations (by kind). */
export function evidenceView(entry: ServiceCatalogEntry | undefined, kind: string, partition: string, region: string): Node[] {
  if (!entry) return [h('p', {}, 'Not in the catalog: pick a service from the list, or type a service principal (….amazonaws.com).')];
  const service = describeService(entry);
  const facts: [string, Node | string][] = [
    ['Service', `${service.name} (${service.key})`],
    ['Principal', h('code', {}, principalFor(entry, partition, region === 'current' ? undefined : region))],
    ['Documentation', link(service.documentation)],
  ];
  const integration = service.integrations[chosenIntegration(service.integrations, kind)];
  if (!integration) return [h('dl', {}, ...definitionRows(facts))];
  facts.push(['Integration', integration.label], ['Use', integration.use], ['Status', `${integration.status}: ${STATUS_TEXT[integration.status]}`]);
  facts.push(['Keys deputy requires', integration.keys.length > 0 ? integration.keys.join(', ') : 'none']);
  if (integration.keysSent.length > 0) facts.push(['Keys the service sends', integration.keysSent.join(', ')]);
  if (integration.sourceArn) facts.push(['SourceArn', h('code', {}, `${integration.sourceArn.operator} ${integration.sourceArn.pattern}`)]);
  for (const alternative of integration.sourceArnAlternatives) facts.push(['Narrower SourceArn', h('span', {}, h('code', {}, `${alternative.operator} ${alternative.pattern}`), ` (${alternative.use})`)]);
  facts.push(['Organization keys', integration.organizationKeys]);
  if (integration.reason) facts.push(['Why', integration.reason]);
  const nodes: Node[] = [h('dl', {}, ...definitionRows(facts))];
  if (service.notes) nodes.push(h('p', {}, h('strong', {}, 'Notes: '), service.notes));
  for (const evidence of integration.evidence) {
    nodes.push(h('figure', { class: 'quote' },
      h('blockquote', { cite: evidence.url }, evidence.quote),
      h('figcaption', {}, link(evidence.url), ` (read ${evidence.checked})`)));
  }
  if (integration.kind !== 'role-trust') {
    nodes.push(h('p', { class: 'help' }, 'The outputs are role trust policies (as deputy snippet prints). For this resource policy, write its statement in the Definition tab, or paste an existing one in the Lint tab.'));
  }
  return nodes;
}

function definitionRows(facts: readonly [string, Node | string][]): Node[] {
  return facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]);
}

function link(url: string): HTMLAnchorElement {
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url);
}
