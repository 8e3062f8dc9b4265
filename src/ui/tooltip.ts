/** The map tooltip: text only, positioned inside the map container, never covering the pointer. */
import { h, clear } from './dom.ts';

export interface Tooltip {
  /** Beside the pointer at (clientX, clientY), the viewport's coordinates as a mouse event gives them. */
  show(lines: string[], clientX: number, clientY: number): void;
  hide(): void;
}

export function createTooltip(host: HTMLElement): Tooltip {
  const el = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  host.append(el);
  return {
    show(lines, clientX, clientY) {
      // Into the host's coordinates: the map need not start at the page's corner (a notice or the
      // headline above it, a phone's stacked layout).
      const at = host.getBoundingClientRect();
      const x = clientX - at.left;
      const y = clientY - at.top;
      clear(el);
      lines.forEach((line, i) => el.append(h(i === 0 ? 'strong' : 'div', {}, line)));
      el.hidden = false;
      const w = host.clientWidth;
      const left = x + 14 + el.offsetWidth > w ? Math.max(4, x - 14 - el.offsetWidth) : x + 14;
      const top = Math.max(4, Math.min(y + 14, host.clientHeight - el.offsetHeight - 4));
      el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    },
    hide() {
      el.hidden = true;
    },
  };
}
