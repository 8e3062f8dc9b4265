/**
 * Pan and zoom on the SVG map: the wheel (about the pointer), a drag, two fingers (pinch and move) and a
 * double click. While a gesture goes on, `preview` moves the drawing as it is (a transform, cheap each
 * frame); once it rests, `commit` has the map drawn again at its new camera. A drag does not select the
 * mark it ends on.
 */
import type { Transform } from './camera.ts';

export interface GestureTarget {
  preview(t: Transform): void;
  commit(t: Transform): void;
  /** How far the scale may go from the camera drawn now: [out, in] factors. */
  limits(): [number, number];
}

/** A wheel gesture rests when no wheel event has come for this long. */
const WHEEL_REST_MS = 180;
/** A pointer that moves less than this (px) clicks rather than drags. */
const DRAG_SLOP = 4;

type Point = [number, number];

export function listenGestures(svg: SVGSVGElement, target: GestureTarget): () => void {
  const win = svg.ownerDocument.defaultView!;
  let t: Transform = { k: 1, x: 0, y: 0 };
  /** The pointer in the drawing's own units (the same as CSS px, but for the frame before a resize redraws it). */
  const local = (e: { clientX: number; clientY: number }): Point => {
    const m = svg.getScreenCTM?.();
    if (m) {
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
      return [p.x, p.y];
    }
    const r = svg.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  /** Scales the drawing by f about the point p (px in the box), within the limits. */
  const zoomAbout = (f: number, [px, py]: Point) => {
    const [lo, hi] = target.limits();
    const k = Math.min(hi, Math.max(lo, t.k * f));
    const g = k / t.k;
    t = { k, x: px - (px - t.x) * g, y: py - (py - t.y) * g };
  };
  const commit = () => {
    const done = t;
    t = { k: 1, x: 0, y: 0 };
    if (done.k !== 1 || done.x !== 0 || done.y !== 0) target.commit(done);
  };

  let wheelTimer = 0;
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    zoomAbout(2 ** (-e.deltaY * lines * 0.002), local(e));
    target.preview(t);
    win.clearTimeout(wheelTimer);
    wheelTimer = win.setTimeout(commit, WHEEL_REST_MS);
  };
  const onDblClick = (e: MouseEvent) => {
    e.preventDefault();
    zoomAbout(e.shiftKey ? 0.5 : 2, local(e));
    commit();
  };
  const drag = dragging(svg, local, {
    move(dx, dy, f, about) {
      t = { ...t, x: t.x + dx, y: t.y + dy };
      if (f !== 1) zoomAbout(f, about);
      target.preview(t);
    },
    end: commit,
  });
  svg.addEventListener('wheel', onWheel, { passive: false });
  svg.addEventListener('dblclick', onDblClick);
  return () => {
    win.clearTimeout(wheelTimer);
    svg.removeEventListener('wheel', onWheel);
    svg.removeEventListener('dblclick', onDblClick);
    drag();
  };
}

interface DragHandlers {
  /** The pointers moved the drawing by (dx, dy) and (two fingers) scaled it by f about a point. */
  move(dx: number, dy: number, f: number, about: Point): void;
  end(): void;
}

/** One or two pointers dragging (and pinching); swallows the click that ends a drag. Returns the stop. */
function dragging(svg: SVGSVGElement, local: (e: PointerEvent) => Point, h: DragHandlers): () => void {
  const down = new Map<number, Point>();
  let moved = false;
  let travel = 0;
  const centre = (): [Point, number] => {
    const ps = [...down.values()];
    const mid: Point = [ps.reduce((a, p) => a + p[0], 0) / ps.length, ps.reduce((a, p) => a + p[1], 0) / ps.length];
    const spread = ps.length > 1 ? Math.hypot(ps[0]![0] - ps[1]![0], ps[0]![1] - ps[1]![1]) : 0;
    return [mid, spread];
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0 || down.size >= 2) return;
    down.set(e.pointerId, local(e));
    if (down.size === 1) [moved, travel] = [false, 0];
  };
  const onMove = (e: PointerEvent) => {
    if (!down.has(e.pointerId)) return;
    const [mid0, spread0] = centre();
    down.set(e.pointerId, local(e));
    const [mid1, spread1] = centre();
    const dx = mid1[0] - mid0[0], dy = mid1[1] - mid0[1];
    travel += Math.hypot(dx, dy) + Math.abs(spread1 - spread0);
    if (!moved && travel < DRAG_SLOP) return;
    if (!moved) {
      moved = true;
      svg.setPointerCapture(e.pointerId);
      svg.classList.add('is-dragging');
    }
    h.move(dx, dy, spread0 > 0 && spread1 > 0 ? spread1 / spread0 : 1, mid1);
  };
  const onUp = (e: PointerEvent) => {
    if (!down.delete(e.pointerId) || down.size > 0) return;
    svg.classList.remove('is-dragging');
    if (moved) h.end();
  };
  // The click after a drag is the drag's end, not a selection.
  const onClick = (e: MouseEvent) => {
    if (!moved) return;
    moved = false;
    e.stopPropagation();
  };
  const listeners = { pointerdown: onDown, pointermove: onMove, pointerup: onUp, pointercancel: onUp } as const;
  for (const [type, fn] of Object.entries(listeners)) svg.addEventListener(type, fn as EventListener);
  svg.addEventListener('click', onClick, true);
  return () => {
    for (const [type, fn] of Object.entries(listeners)) svg.removeEventListener(type, fn as EventListener);
    svg.removeEventListener('click', onClick, true);
  };
}
