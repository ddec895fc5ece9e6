/** Snippet mode: the form, the catalog search, the evidence panel and the four outputs. */
import { findService, integrationLabel, integrationsOf, SERVICE_CATALOG, type IntegrationKind } from '@deputy/policy-model';
import { searchCatalog } from '../catalog-search.js';
import type { PlaygroundState } from '../playground-state.js';
import { snippetOutputs } from '../snippet-outputs.js';
import { byId, h, replaceChildren } from './dom.js';
import { chosenIntegration, evidenceView } from './evidence-view.js';
import { outputPanels } from './output-panels.js';
import { problemList } from './problem-list.js';
import type { Store } from './store.js';

const COMMON_REGIONS = ['current', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'sa-east-1', 'me-south-1', 'af-south-1', 'ap-east-1', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1'];

/** Binds the snippet form to the store and returns the view that draws the mode. */
export function mountSnippetMode(store: Store): (state: PlaygroundState) => void {
  byId('service-list').replaceChildren(...SERVICE_CATALOG.map((entry) => h('option', { value: entry.key }, `${entry.name} (${entry.principal})`)));
  byId('region-list').replaceChildren(...COMMON_REGIONS.map((region) => h('option', { value: region })));
  const text = (id: string, field: 'service' | 'account' | 'region' | 'roleName' | 'resource'): void => {
    byId<HTMLInputElement>(id).addEventListener('input', (event) => store.update({ [field]: (event.target as HTMLInputElement).value }));
  };
  text('service', 'service');
  bindSearchKeys(store);
  text('account', 'account');
  text('region', 'region');
  text('role-name', 'roleName');
  text('resource', 'resource');
  byId<HTMLSelectElement>('partition').addEventListener('change', (event) => store.update({ partition: (event.target as HTMLSelectElement).value }));
  byId<HTMLSelectElement>('integration').addEventListener('change', (event) => store.update({ integration: (event.target as HTMLSelectElement).value as IntegrationKind }));
  byId<HTMLSelectElement>('style').addEventListener('change', (event) => store.update({ style: (event.target as HTMLSelectElement).value as PlaygroundState['style'] }));
  byId<HTMLSelectElement>('format').addEventListener('change', (event) => store.update({ format: (event.target as HTMLSelectElement).value as PlaygroundState['format'] }));
  byId<HTMLSelectElement>('provider').addEventListener('change', (event) => store.update({ awsProviderMajorVersion: Number((event.target as HTMLSelectElement).value) as 5 | 6 }));
  return (state) => drawSnippet(store, state);
}

/**
 * Keyboard use of the search: Enter picks the first match when the text is not yet a catalog key or principal,
 * ArrowDown moves into the matches; in the matches ArrowUp/ArrowDown move, Escape goes back to the search box.
 */
function bindSearchKeys(store: Store): void {
  const input = byId<HTMLInputElement>('service');
  const matchButtons = (): HTMLButtonElement[] => [...byId('service-matches').querySelectorAll<HTMLButtonElement>('button')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const [first] = searchCatalog(input.value, 1);
      if (!findService(input.value.trim()) && first) {
        input.value = first.key;
        store.update({ service: first.key, integration: 'role-trust' });
      } else {
        store.update({ service: input.value });
      }
    } else if (event.key === 'ArrowDown' && matchButtons().length > 0) {
      event.preventDefault();
      store.update({ service: input.value });
      matchButtons()[0]?.focus();
    }
  });
  byId('service-matches').addEventListener('keydown', (event) => {
    const buttons = matchButtons();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next = { ArrowDown: index + 1, ArrowUp: index - 1 }[event.key];
    if (event.key === 'Escape' || next === -1) {
      event.preventDefault();
      input.focus();
    } else if (next !== undefined && next < buttons.length) {
      event.preventDefault();
      buttons[next]!.focus();
    }
  });
}

function setValue(id: string, value: string): void {
  const element = byId<HTMLInputElement | HTMLSelectElement>(id);
  if (element.value !== value && document.activeElement !== element) element.value = value;
}

function drawSnippet(store: Store, state: PlaygroundState): void {
  setValue('service', state.service);
  setValue('account', state.account);
  setValue('region', state.region);
  setValue('partition', state.partition);
  setValue('role-name', state.roleName);
  setValue('resource', state.resource);
  setValue('style', state.style);
  setValue('format', state.format);
  setValue('provider', String(state.awsProviderMajorVersion));

  const entry = findService(state.service.trim())?.entry;
  const matches = searchCatalog(state.service);
  replaceChildren(byId('service-matches'), ...matches.map((match) => {
    const current = match.key === entry?.key;
    const choose = h('button', { type: 'button', 'aria-current': current ? 'true' : undefined, 'data-key': match.key }, `${match.name} — ${match.key} (${match.principal})`);
    choose.addEventListener('click', () => {
      byId<HTMLInputElement>('service').value = match.key;
      store.update({ service: match.key, integration: 'role-trust' });
    });
    return h('li', {}, choose);
  }));

  const integrations = entry ? integrationsOf(entry) : [];
  const select = byId<HTMLSelectElement>('integration');
  const kinds = [...new Set(integrations.map((integration) => integration.kind))];
  select.replaceChildren(...(kinds.length > 0
    ? kinds.map((kind) => {
        const first = integrations.find((integration) => integration.kind === kind)!;
        return h('option', { value: kind }, `${integrationLabel(first)} (${first.status})`);
      })
    : [h('option', { value: 'role-trust' }, 'role trust')]));
  const chosen = integrations[chosenIntegration(integrations, state.integration)];
  select.value = chosen?.kind ?? 'role-trust';
  replaceChildren(byId('evidence-body'), ...evidenceView(entry, select.value, state.partition, state.region.trim()));

  const outputs = snippetOutputs(state);
  replaceChildren(byId('snippet-problems'), ...(outputs.problems.length > 0 ? [problemList(outputs.problems)] : []));
  replaceChildren(byId('snippet-notices'), ...(outputs.notices.length > 0 ? [h('ul', {}, ...outputs.notices.map((notice) => h('li', {}, notice)))] : []));
  replaceChildren(byId('snippet-outputs'), ...outputPanels(outputs.targets));
}
