/**
 * Panning and zooming the SVG map: the view is a scale `k` and a translation (`x`, `y`) from base
 * coordinates (pixels at zoom 1, where the whole fit is in view) to the screen. Buttons, the wheel,
 * a drag, a pinch (pointer events) and the keyboard all change it through one controller.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface View {
  k: number;
  x: number;
  y: number;
}

export const HOME: View = { k: 1, x: 0, y: 0 };

/** The zoom factor of one step of the buttons and of the + and − keys. */
export const ZOOM_STEP = 2;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Keeps the view inside the fitted map: never smaller than the fit, never past `maxK`, and never
 * panned so far that the fitted area leaves part of the viewport empty.
 */
export function clampView(view: View, width: number, height: number, maxK: number): View {
  const k = clamp(view.k, 1, Math.max(1, maxK));
  return {
    k,
    x: clamp(view.x, width - width * k, 0),
    y: clamp(view.y, height - height * k, 0),
  };
}

/** Zooms by `factor` keeping the screen point (`px`, `py`) still. */
export function zoomAround(view: View, factor: number, px: number, py: number): View {
  const k = view.k * factor;
  return { k, x: px - ((px - view.x) / view.k) * k, y: py - ((py - view.y) / view.k) * k };
}

/** The view at zoom `k` with the base point (`bx`, `by`) in the middle of the viewport. */
export function centredOn(bx: number, by: number, k: number, width: number, height: number): View {
  return { k, x: width / 2 - bx * k, y: height / 2 - by * k };
}

/** The view that shows the base box [x0, x1] × [y0, y1] with `padding` pixels around it. */
export function viewOfBox(
  box: [number, number, number, number],
  width: number,
  height: number,
  padding: number,
  maxK: number,
): View {
  const [x0, y0, x1, y1] = box;
  const w = Math.max(x1 - x0, 1e-6);
  const h = Math.max(y1 - y0, 1e-6);
  const k = clamp(Math.min((width - 2 * padding) / w, (height - 2 * padding) / h), 1, maxK);
  return centredOn((x0 + x1) / 2, (y0 + y1) / 2, k, width, height);
}

/** Where a change came from: the map announces zoom changes made by keys and buttons only. */
export type ViewSource = 'pointer' | 'wheel' | 'key' | 'button' | 'program';

interface Options {
  /** The deepest zoom allowed. */
  maxZoom: number;
  /** Called after every change of the view. */
  changed?: (source: ViewSource) => void;
}

const DRAG_THRESHOLD = 4;

/** Where the surface's content starts on screen: inside its border, where the map's pixel 0 is. */
function contentOrigin(surface: Element): { left: number; top: number } {
  const rect = surface.getBoundingClientRect();
  return { left: rect.left + surface.clientLeft, top: rect.top + surface.clientTop };
}
const ANIMATION_MS = 250;

/**
 * Owns the view. Bind its `on…` handlers on the map's surface; read `view` when rendering and
 * `zoom` (the zoom the view is heading to) when clustering.
 */
export class PanZoomController implements ReactiveController {
  view: View = HOME;
  width = 0;
  height = 0;
  private target?: View;
  private frame = 0;
  private deadline = 0;
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private origin = { left: 0, top: 0 };
  private downAt?: { x: number; y: number };
  private dragging = false;
  private justDragged = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: Options,
  ) {
    host.addController(this);
  }

  /** The zoom of the view once any animation ends: clusters are made for it, so they do not churn mid-flight. */
  get zoom(): number {
    return (this.target ?? this.view).k;
  }

  /** True while a zoom or pan animates towards its target. */
  get moving(): boolean {
    return this.target !== undefined;
  }

  get maxZoom(): number {
    return this.options.maxZoom;
  }

  /** True when `prefers-reduced-motion` asks for no animated zoom or pan. */
  get reducedMotion(): boolean {
    return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  hostDisconnected(): void {
    this.stop();
    this.pointers.clear();
    this.dragging = false;
  }

  /** The viewport's size changed: keep the view inside it. */
  setSize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.stop();
    this.view = clampView(this.view, width, height, this.options.maxZoom);
  }

  /** Moves to `view` (clamped), animated unless `animate` is false or motion is reduced. */
  set(view: View, source: ViewSource, animate = true): void {
    const next = clampView(view, this.width, this.height, this.options.maxZoom);
    this.stop(false);
    // A hidden tab draws no frames: there is nothing to animate for.
    if (!animate || this.reducedMotion || typeof requestAnimationFrame !== 'function' || document.hidden) {
      this.apply(next, source);
      return;
    }
    const from = this.view;
    const started = performance.now();
    this.target = next;
    // Interpolate the point in the middle of the viewport and the zoom's logarithm, so the map
    // glides towards its destination instead of swinging past it.
    const cx = this.width / 2;
    const cy = this.height / 2;
    const fromCentre = [(cx - from.x) / from.k, (cy - from.y) / from.k];
    const toCentre = [(cx - next.x) / next.k, (cy - next.y) / next.k];
    const finish = () => {
      this.stop(false);
      this.apply(next, source);
    };
    const step = (now: number) => {
      const t = Math.min(1, (now - started) / ANIMATION_MS);
      const e = 1 - (1 - t) ** 3;
      if (t >= 1) {
        finish();
        return;
      }
      const k = from.k * (next.k / from.k) ** e;
      const bx = fromCentre[0]! + (toCentre[0]! - fromCentre[0]!) * e;
      const by = fromCentre[1]! + (toCentre[1]! - fromCentre[1]!) * e;
      this.view = { k, x: cx - bx * k, y: cy - by * k };
      this.host.requestUpdate();
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
    this.host.requestUpdate();
    // Frames can stop coming (a tab sent to the background): the view still gets where it was going.
    this.deadline = window.setTimeout(finish, ANIMATION_MS + 100);
  }

  zoomBy(factor: number, source: ViewSource, at?: [number, number], animate = true): void {
    const [px, py] = at ?? [this.width / 2, this.height / 2];
    const base = this.target ?? this.view;
    this.set(zoomAround(base, factor, px, py), source, animate);
  }

  panBy(dx: number, dy: number, source: ViewSource, animate = true): void {
    const base = this.target ?? this.view;
    this.set({ ...base, x: base.x + dx, y: base.y + dy }, source, animate);
  }

  reset(source: ViewSource, animate = true): void {
    this.set(HOME, source, animate);
  }

  /** Screen position of a base point in the current view. */
  toScreen(bx: number, by: number): [number, number] {
    return [bx * this.view.k + this.view.x, by * this.view.k + this.view.y];
  }

  /** True once after a drag or pinch: the click that ends it must not activate a marker. */
  takeDrag(): boolean {
    const was = this.justDragged;
    this.justDragged = false;
    return was;
  }

  // ---- DOM handlers: bind on the map's surface ---------------------------------------------------

  readonly onPointerDown = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    this.origin = contentOrigin(e.currentTarget as Element);
    this.pointers.set(e.pointerId, this.local(e));
    if (this.pointers.size === 1) {
      this.downAt = this.local(e);
      this.dragging = false;
      this.justDragged = false;
    }
  };

  readonly onPointerMove = (e: PointerEvent): void => {
    const previous = this.pointers.get(e.pointerId);
    if (!previous) return;
    const point = this.local(e);
    const surface = e.currentTarget as Element;
    if (this.pointers.size >= 2) {
      const [a, b] = [...this.pointers.entries()];
      const other = a![0] === e.pointerId ? b![1] : a![1];
      const before = Math.hypot(previous.x - other.x, previous.y - other.y);
      const after = Math.hypot(point.x - other.x, point.y - other.y);
      this.startDrag(surface, e.pointerId);
      this.pointers.set(e.pointerId, point);
      if (before > 0) {
        const mid: [number, number] = [(point.x + other.x) / 2, (point.y + other.y) / 2];
        const zoomed = zoomAround(this.view, after / before, mid[0], mid[1]);
        // Half the finger's move: the midpoint of the two fingers moved by that much.
        zoomed.x += (point.x - previous.x) / 2;
        zoomed.y += (point.y - previous.y) / 2;
        this.set(zoomed, 'pointer', false);
      }
      return;
    }
    if (!this.dragging && this.downAt && Math.hypot(point.x - this.downAt.x, point.y - this.downAt.y) < DRAG_THRESHOLD) {
      return;
    }
    this.startDrag(surface, e.pointerId);
    this.pointers.set(e.pointerId, point);
    this.set({ ...this.view, x: this.view.x + point.x - previous.x, y: this.view.y + point.y - previous.y }, 'pointer', false);
  };

  readonly onPointerUp = (e: PointerEvent): void => {
    if (!this.pointers.delete(e.pointerId)) return;
    if (this.pointers.size === 0) {
      this.justDragged = this.dragging;
      this.dragging = false;
      this.downAt = undefined;
      // A click follows a pointerup in the same task; a drag's flag must not outlive it.
      if (this.justDragged) setTimeout(() => (this.justDragged = false), 0);
    }
  };

  readonly onWheel = (e: WheelEvent): void => {
    if (e.deltaY === 0) return;
    const zoomingOut = e.deltaY > 0;
    // At the full view, scrolling down scrolls the page: the map does not trap the wheel.
    if (zoomingOut && this.zoom <= 1) return;
    e.preventDefault();
    const origin = contentOrigin(e.currentTarget as Element);
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.height : 1;
    const factor = 2 ** (-e.deltaY * unit * (e.ctrlKey ? 0.01 : 0.002));
    this.zoomBy(factor, 'wheel', [e.clientX - origin.left, e.clientY - origin.top], false);
  };

  /** Arrow keys pan, + and − zoom, 0 shows everything. Returns true when it handled the key. */
  handleKey(e: KeyboardEvent): boolean {
    if (e.altKey || e.ctrlKey || e.metaKey) return false;
    const step = Math.max(40, Math.min(this.width, this.height) / 4);
    switch (e.key) {
      case 'ArrowLeft':
        this.panBy(step, 0, 'key');
        return true;
      case 'ArrowRight':
        this.panBy(-step, 0, 'key');
        return true;
      case 'ArrowUp':
        this.panBy(0, step, 'key');
        return true;
      case 'ArrowDown':
        this.panBy(0, -step, 'key');
        return true;
      case '+':
      case '=':
        this.zoomBy(ZOOM_STEP, 'key');
        return true;
      case '-':
      case '_':
        this.zoomBy(1 / ZOOM_STEP, 'key');
        return true;
      case '0':
        this.reset('key');
        return true;
      default:
        return false;
    }
  }

  private startDrag(surface: Element, pointerId: number): void {
    if (this.dragging) return;
    this.dragging = true;
    // Captured only now: capturing at pointerdown would send a plain click to the surface, not the marker.
    try {
      surface.setPointerCapture(pointerId);
    } catch {
      // The pointer is gone already.
    }
  }

  private local(e: PointerEvent): { x: number; y: number } {
    return { x: e.clientX - this.origin.left, y: e.clientY - this.origin.top };
  }

  private apply(view: View, source: ViewSource): void {
    const changed = view.k !== this.view.k || view.x !== this.view.x || view.y !== this.view.y;
    this.view = view;
    this.host.requestUpdate();
    if (changed) this.options.changed?.(source);
  }

  /** Ends an animation where it is, or (`snap`) where it was heading. */
  private stop(snap = true): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.deadline);
    this.frame = 0;
    this.deadline = 0;
    if (this.target && snap) this.view = this.target;
    this.target = undefined;
  }
}
