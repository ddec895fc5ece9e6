/** The mode tabs, keyboard-operable as the WAI-ARIA tabs pattern: arrows, Home and End move between tabs. */
import { MODES, type Mode } from '../playground-state.js';
import { byId } from './dom.js';
import type { Store } from './store.js';

/** Binds the tabs to the store. */
export function mountTabs(store: Store): void {
  const tabs = MODES.map((mode) => byId<HTMLButtonElement>(`tab-${mode}`));
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => store.update({ mode: MODES[index]! }));
    tab.addEventListener('keydown', (event) => {
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const target = (next + tabs.length) % tabs.length;
      tabs[target]!.focus();
      store.update({ mode: MODES[target]! });
    });
  });
}

/** Shows one mode's panel and marks its tab selected. */
export function showMode(mode: Mode): void {
  for (const each of MODES) {
    const selected = each === mode;
    const tab = byId(`tab-${each}`);
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    byId(`panel-${each}`).hidden = !selected;
  }
}
