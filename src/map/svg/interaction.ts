/**
 * The SVG map's interaction: the pointer over a cluster's mark or site lights the whole cluster and reports
 * it (the page's tooltip), a click selects it. Marks are not focusable: the page's cluster list is the
 * keyboard alternative.
 */

export interface PointerHandlers {
  onHover(clusterId: string | null, clientX: number, clientY: number): void;
  onSelect(clusterId: string): void;
}

/** Which cluster is lit: under the pointer (hot) or from outside (the list); and which is selected. */
export interface Highlight {
  hot: string | null;
  external: string | null;
}

/** Marks every part of the lit and the selected cluster. */
export function applyHighlight(svg: SVGSVGElement, h: Highlight, selected: string | null): void {
  const lit = h.hot ?? h.external;
  for (const node of svg.querySelectorAll<SVGElement>('[data-cluster]')) {
    const id = node.getAttribute('data-cluster');
    node.classList.toggle('is-hot', id === lit);
    node.classList.toggle('is-selected', id === selected);
  }
  svg.classList.toggle('has-hot', lit != null);
}

/**
 * Listens for the pointer on the map; `handlers` is read at each event (a new owner may replace them).
 * `changed` redraws the classes after `h.hot` changed. Returns the stop.
 */
export function listenPointer(svg: SVGSVGElement, h: Highlight, handlers: PointerHandlers, changed: () => void): () => void {
  const clusterOf = (e: Event): string | null => {
    const target = e.target as Element | null;
    return target?.closest?.('[data-cluster]')?.getAttribute('data-cluster') ?? null;
  };
  const onOver = (e: MouseEvent) => {
    const id = clusterOf(e);
    if (id === h.hot) return;
    h.hot = id;
    changed();
    handlers.onHover(id, e.clientX, e.clientY);
  };
  const onMove = (e: MouseEvent) => {
    if (h.hot) handlers.onHover(h.hot, e.clientX, e.clientY);
  };
  const onLeave = (e: MouseEvent) => {
    if (h.hot == null) return;
    h.hot = null;
    changed();
    handlers.onHover(null, e.clientX, e.clientY);
  };
  const onClick = (e: MouseEvent) => {
    const id = clusterOf(e);
    if (id) handlers.onSelect(id);
  };
  const listeners = { mouseover: onOver, mousemove: onMove, mouseleave: onLeave, click: onClick } as const;
  for (const [type, fn] of Object.entries(listeners)) svg.addEventListener(type, fn as EventListener);
  return () => {
    for (const [type, fn] of Object.entries(listeners)) svg.removeEventListener(type, fn as EventListener);
  };
}
