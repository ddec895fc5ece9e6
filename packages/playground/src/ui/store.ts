/** The page's one state, its URL fragment kept in step, and the views that redraw when it changes. */
import type { PlaygroundState } from '../playground-state.js';
import { DEFAULT_STATE } from '../playground-state.js';
import { encodeState } from '../share-url.js';

/** Longest fragment kept in the address bar; past it, the pasted texts are left out of the link. */
export const MAX_FRAGMENT_LENGTH = 64 * 1024;

/** The fragment for a state; when it would be too long, the same without the definition and lint texts. */
export function shareableFragment(state: PlaygroundState): string {
  const fragment = encodeState(state);
  if (fragment.length <= MAX_FRAGMENT_LENGTH) return fragment;
  return encodeState({ ...state, definition: DEFAULT_STATE.definition, lintText: DEFAULT_STATE.lintText });
}

/** `html[data-busy="true"]` while a redraw is scheduled or running, `"false"` once every view is current. */
function markBusy(busy: boolean): void {
  document.documentElement.dataset['busy'] = String(busy);
}

/** Redraws a view for a state. */
export type View = (state: PlaygroundState) => void | Promise<void>;

/** Holds the state; `update` merges a change, rewrites the fragment and redraws after `delay` ms. */
export class Store {
  private current: PlaygroundState;
  private readonly views: View[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = 0;

  constructor(initial: PlaygroundState) {
    this.current = initial;
  }

  /** The current state. */
  get state(): PlaygroundState {
    return this.current;
  }

  /** Adds a view, redrawn on every change. */
  subscribe(view: View): void {
    this.views.push(view);
  }

  /** Merges a change; text edits pass a small delay so typing is not slowed by redraws. */
  update(change: Partial<PlaygroundState>, delay = 0): void {
    this.current = { ...this.current, ...change };
    const fragment = shareableFragment(this.current);
    history.replaceState(null, '', fragment === '' ? location.pathname + location.search : `#${fragment}`);
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.pending -= 1;
    }
    this.pending += 1;
    markBusy(true);
    const run = (): void => {
      this.timer = undefined;
      void this.render().finally(() => {
        this.pending -= 1;
        if (this.pending === 0) markBusy(false);
      });
    };
    if (delay === 0) run();
    else this.timer = setTimeout(run, delay);
  }

  /** Redraws every view now. */
  async render(): Promise<void> {
    for (const view of this.views) await view(this.current);
  }
}
