/**
 * Definition mode: the editor, its located problems, every target's files and the verification. The loader's
 * schema validator and the verifier are loaded when the mode is first drawn.
 */
import type { PlaygroundState } from '../playground-state.js';
import { byId, h, replaceChildren } from './dom.js';
import { outputPanels } from './output-panels.js';
import { focusAt, problemList } from './problem-list.js';
import type { Store } from './store.js';

/** Binds the editor to the store and returns the view that draws the mode; `ready` loads yaml and the definition validator. */
export function mountDefinitionMode(store: Store, ready: () => Promise<void>): (state: PlaygroundState) => Promise<void> {
  const editor = byId<HTMLTextAreaElement>('definition');
  editor.addEventListener('input', () => store.update({ definition: editor.value }, 150));
  return async (state) => {
    await ready();
    const { definitionOutputs } = await import('../definition-outputs.js');
    if (editor.value !== state.definition) editor.value = state.definition;
    const outputs = definitionOutputs(state);
    const locate = (problem: { location?: { line: number; column: number } }) => problem.location && focusAt(editor, problem.location.line, problem.location.column);
    editor.setAttribute('aria-invalid', outputs.problems.length > 0 ? 'true' : 'false');
    replaceChildren(byId('definition-problems'), ...(outputs.problems.length > 0 ? [problemList(outputs.problems, locate)] : []));
    replaceChildren(byId('definition-notices'), ...(outputs.notices.length > 0 ? [h('ul', {}, ...outputs.notices.map((notice) => h('li', {}, notice)))] : []));
    const stale = outputs.problems.length > 0;
    byId('definition-outputs').dataset['stale'] = String(stale);
    byId('definition-stale').textContent = stale ? 'The outputs below are those of the last definition that loaded: fix the errors above to update them.' : '';
    if (!stale) {
      replaceChildren(byId('definition-outputs'), ...outputPanels(outputs.targets, locate));
      byId('definition-verification').textContent = outputs.verification;
    }
  };
}
