/** A typed store with subscribe, kept in sync with the URL (replaceState: filters are not history). */
import { serializeView, type ViewState } from './url.ts';

export interface Store {
  get(): ViewState;
  set(patch: Partial<ViewState>): void;
  subscribe(fn: (view: ViewState, prev: ViewState) => void): () => void;
}

export function createStore(initial: ViewState, win: Pick<Window, 'history' | 'location'> | null = null): Store {
  let view = initial;
  const subs = new Set<(v: ViewState, p: ViewState) => void>();
  return {
    get: () => view,
    set(patch) {
      const prev = view;
      view = { ...view, ...patch };
      if (win) {
        const url = win.location.pathname + serializeView(view) + win.location.hash;
        win.history.replaceState(null, '', url);
      }
      for (const fn of subs) fn(view, prev);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}
