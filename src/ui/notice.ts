/** Visible, dismissible notices (e.g. URL parameters that were ignored). */
import { h } from './dom.ts';

export function showNotice(host: HTMLElement, message: string, dismissLabel: string, kind: 'info' | 'warning' = 'warning'): HTMLElement {
  const note = h(
    'div',
    { class: `notice notice-${kind}`, role: 'status' },
    h('span', { class: 'notice-text' }, message),
    h('button', { type: 'button', class: 'notice-close', 'aria-label': dismissLabel, onclick: () => note.remove() }, '×'),
  );
  host.append(note);
  return note;
}
