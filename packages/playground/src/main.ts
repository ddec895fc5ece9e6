/**
 * The playground page: loads the IAM action names, reads the state from the URL fragment, binds the three
 * modes and draws the current one. `performance` marks `deputy:first-render` when the first mode is drawn.
 */
import { loadIamActions } from './iam-data.js';
import { registerPackagedTemplates } from './packaged-templates.js';
import { preloadLazyModules } from './shims/node-module.js';
import type { Mode, PlaygroundState } from './playground-state.js';
import { decodeState, encodeState } from './share-url.js';
import { mountDefinitionMode } from './ui/definition-mode.js';
import { announce, byId } from './ui/dom.js';
import { copyText } from './ui/file-actions.js';
import { mountLintMode } from './ui/lint-mode.js';
import { mountSnippetMode } from './ui/snippet-mode.js';
import { shareableFragment, Store } from './ui/store.js';
import { mountTabs, showMode } from './ui/tabs.js';

async function start(): Promise<void> {
  registerPackagedTemplates();
  await loadIamActions(document.baseURI);
  const store = new Store(decodeState(location.hash));
  const views: Record<Mode, (state: PlaygroundState) => void | Promise<void>> = {
    snippet: mountSnippetMode(store),
    definition: mountDefinitionMode(store, preloadLazyModules),
    lint: mountLintMode(store, preloadLazyModules),
  };
  mountTabs(store);
  store.subscribe(async (state) => {
    showMode(state.mode);
    try {
      await views[state.mode](state);
    } catch (error) {
      console.error(error);
      announce(`Internal error in ${state.mode} mode: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  byId('share').addEventListener('click', () => {
    const fragment = shareableFragment(store.state);
    const whole = fragment === encodeState(store.state);
    void copyText(`${location.origin}${location.pathname}${fragment === '' ? '' : `#${fragment}`}`, whole ? 'a link to this state' : 'a link to these settings (the text is too long for a link and is left out)');
  });
  window.addEventListener('hashchange', () => store.update(decodeState(location.hash)));
  if (store.state.mode !== 'snippet') await preloadLazyModules();
  await store.render();
  performance.mark('deputy:first-render');
  document.documentElement.dataset['ready'] = 'true';
  document.documentElement.dataset['busy'] ??= 'false';
  void preloadLazyModules();
}

start().catch((error: unknown) => {
  console.error(error);
  announce(`The playground could not start: ${error instanceof Error ? error.message : String(error)}`);
});
