/**
 * Every Storybook story stays readable in forced-colors mode (Windows High Contrast) and with its
 * text at 200 % (WCAG 1.4.4), checked in the built Storybook the way a person would perceive it:
 * through the widgets' shadow roots, from the colours and boxes the browser actually resolved.
 * Chromium only (its DevTools protocol emulates forced colours); each story opens once, and both
 * checks run in the same frame, forced colours first.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { deepElements } from '../queries.js';
import { isChromium, isLoadingStory, openStory, stories, widgetsIn, widgetsSettled, type StoryWindow } from './stories.js';

const SVG = 'http://www.w3.org/2000/svg';
const SYSTEM_COLORS = ['Canvas', 'CanvasText', 'LinkText', 'VisitedText', 'ActiveText', 'ButtonFace', 'ButtonText', 'ButtonBorder',
  'Field', 'FieldText', 'Highlight', 'HighlightText', 'SelectedItem', 'SelectedItemText', 'Mark', 'MarkText', 'GrayText',
  'AccentColor', 'AccentColorText'];
const LINK_COLORS = ['LinkText', 'VisitedText', 'ActiveText'];
const SHAPES = 'circle, ellipse, rect, path, polygon, polyline, line';

// ---- colours ----

type Rgba = [number, number, number, number];

const paint = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true })!;
const parsed = new Map<string, Rgba>();

/** Any CSS colour the browser computed, as sRGB 0–255 and alpha 0–1 (a canvas does the parsing). */
function rgba(color: string): Rgba {
  let value = parsed.get(color);
  if (!value) {
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = '#000';
    paint.fillStyle = color;
    paint.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
    value = [r!, g!, b!, a! / 255];
    parsed.set(color, value);
  }
  return value;
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two opaque colours. */
function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const same = (a: Rgba, b: Rgba) => a.every((v, i) => Math.abs(v - b[i]!) <= (i === 3 ? 0.02 : 2));
const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(' ')}${c[3] < 1 ? ` / ${c[3].toFixed(2)}` : ''})`;

// ---- the flat tree ----

const style = (el: Element) => (el.ownerDocument.defaultView as StoryWindow).getComputedStyle(el);
const isSvg = (el: Element) => el.namespaceURI === SVG;

/** The element's parent in the flat tree: its slot, its parent, or its shadow root's host. */
function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode;
  return parent && parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (parent as ShadowRoot).host : null;
}

function* ancestry(el: Element | null): Generator<Element> {
  for (; el; el = flatParent(el)) yield el;
}

/** A screen-reader-only helper: clipped to nothing, or a 1 px box that hides its overflow. */
function clippedAway(el: Element): boolean {
  const s = style(el);
  if ((s.position === 'absolute' || s.position === 'fixed') && (s.clip !== 'auto' || s.clipPath !== 'none')) return true;
  const box = el.getBoundingClientRect();
  return box.width <= 1 && box.height <= 1 && s.overflow !== 'visible';
}

const visuallyHidden = (el: Element) => [...ancestry(el)].some((a) => !isSvg(a) && clippedAway(a));

/** Shown on screen (or about to be, once scrolled to), and not a screen-reader-only helper. */
function shown(el: Element): boolean {
  return el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !visuallyHidden(el);
}

/** Short, recognisable: `button.close "Close"`. */
function nameOf(el: Element): string {
  const names = el.getAttribute('class')?.trim();
  const classes = names ? `.${names.split(/\s+/).slice(0, 2).join('.')}` : '';
  const attrs = ['role', 'type', 'name'].filter((a) => el.hasAttribute(a)).map((a) => `[${a}=${el.getAttribute(a)}]`).join('');
  const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
  const text = label.replace(/\s+/g, ' ').trim();
  return `${el.localName}${classes}${attrs}${text ? ` "${text.length > 40 ? `${text.slice(0, 39)}…` : text}"` : ''}`;
}

/** Each widget's shadow tree (nested shadow roots too), and the widget's name for messages. */
function shadowTrees(doc: Document): { widget: Element; elements: Element[] }[] {
  return widgetsIn(doc)
    .filter((w) => w.shadowRoot)
    .map((widget) => ({ widget, elements: deepElements(widget.shadowRoot!) }));
}

/** Text nodes with something to read, directly in `el`. */
const ownText = (el: Element) =>
  [...el.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE && !!n.textContent?.trim());

const NOT_TEXT = new Set(['style', 'script', 'template', 'title', 'desc', 'slot']);

/** The system colours as this document resolves them (a probe that forced colours leave alone). */
function systemColors(doc: Document): Map<string, Rgba> {
  const probe = doc.createElement('span');
  probe.style.forcedColorAdjust = 'none';
  doc.body.append(probe);
  const out = new Map<string, Rgba>();
  for (const name of SYSTEM_COLORS) {
    probe.style.color = name;
    out.set(name, rgba(style(probe).color));
  }
  probe.remove();
  return out;
}

/** What a box shows behind its content: the first opaque background up the flat tree, layers above it blended in; null when an image is in the way. */
function backgroundOf(el: Element | null, canvas: Rgba): Rgba | null {
  const layers: Rgba[] = [];
  let base = canvas;
  for (const a of ancestry(el)) {
    const s = style(a);
    if (s.backgroundImage !== 'none') return null;
    const bg = rgba(s.backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) {
      base = layers.pop()!;
      break;
    }
  }
  return layers.reduceRight((under, layer) => over(layer, under), base);
}

/** For SVG text: the shape drawn just before it that it sits on (a marker's bubble), if any. */
function shapeBehind(text: Element): Element | undefined {
  const box = text.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  const siblings = [...(text.parentElement?.children ?? [])];
  return siblings
    .slice(0, siblings.indexOf(text))
    .reverse()
    .find((shape) => {
      if (!shape.matches(SHAPES) || style(shape).fill === 'none' || rgba(style(shape).fill)[3] === 0) return false;
      const r = shape.getBoundingClientRect();
      return cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom;
    });
}

// ---- forced colours ----

interface Context {
  canvas: Rgba;
  system: Map<string, Rgba>;
  /** How many texts were looked at (none would mean the check saw nothing). */
  checked: { text: number };
}

function systemName(color: Rgba, ctx: Context): string | undefined {
  return [...ctx.system].find(([, c]) => same(c, color))?.[0];
}

/** Every piece of visible text has a contrast of at least 4.5:1 with what is behind it. */
function textContrast(elements: Element[], ctx: Context): string[] {
  const problems: string[] = [];
  for (const el of elements) {
    if (NOT_TEXT.has(el.localName) || !ownText(el).length || !shown(el)) continue;
    const s = style(el);
    let fg: Rgba;
    let bg: Rgba | null;
    if (isSvg(el)) {
      if (s.fill === 'none') continue;
      fg = rgba(s.fill);
      const shape = shapeBehind(el);
      const behind = backgroundOf(flatParent(el), ctx.canvas);
      bg = shape && behind ? over(rgba(style(shape).fill), behind) : behind;
    } else {
      fg = rgba(s.color);
      bg = backgroundOf(el, ctx.canvas);
    }
    if (!bg) continue; // over an image: nothing to compute
    ctx.checked.text++;
    const ratio = contrast(over(fg, bg), bg);
    if (ratio < 4.5) problems.push(`${nameOf(el)}: text ${css(fg)} on ${css(bg)}, contrast ${ratio.toFixed(2)}:1`);
  }
  return problems;
}

const SIDES = ['Top', 'Right', 'Bottom', 'Left'] as const;

/** The sides of `el` with a border one can see against what surrounds the box. */
function visibleBorders(el: Element, around: Rgba): number {
  const s = style(el);
  return SIDES.filter((side) => {
    const width = parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`));
    const styleName = s.getPropertyValue(`border-${side.toLowerCase()}-style`);
    const color = rgba(s.getPropertyValue(`border-${side.toLowerCase()}-color`));
    return width >= 1 && styleName !== 'none' && styleName !== 'hidden' && color[3] > 0 && contrast(over(color, around), around) >= 3;
  }).length;
}

/** A box one can see: a border all round, an outline, or a fill, standing out from the surface around it. */
function bounded(el: Element, around: Rgba): boolean {
  if (visibleBorders(el, around) === 4) return true;
  const s = style(el);
  const ring = rgba(s.outlineColor);
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && contrast(over(ring, around), around) >= 3) return true;
  const fill = rgba(s.backgroundColor);
  return fill[3] > 0 && contrast(over(fill, around), around) >= 3;
}

const CONTROLS = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="link"]';

/**
 * Every control can be told apart from the text around it: a border all round, an outline or a
 * fill that stands out from the surface (its own, or its marker dot's), or, for links and
 * link-like buttons, the link colour or an underline.
 * A control drawn with a background colour or a shadow alone disappears in forced colours.
 */
function controlBoundaries(elements: Element[], ctx: Context): string[] {
  const problems: string[] = [];
  for (const el of elements) {
    if (isSvg(el) || !el.matches(CONTROLS) || !shown(el)) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const s = style(el);
    if (el.matches('input[type="checkbox"], input[type="radio"], input[type="range"], input[type="color"], input[type="file"]') && s.appearance !== 'none') continue; // drawn by the system
    const around = backgroundOf(flatParent(el), ctx.canvas);
    if (!around) continue;
    if (bounded(el, around)) continue;
    // A marker is its dot: a shape inside the control that holds all of its text (if any).
    const text = el.textContent?.trim() ?? '';
    const drawn = deepElements(el).some((part) => part.textContent?.trim() === text && shown(part) && bounded(part, around));
    if (drawn) continue;
    const linkLike = s.textDecorationLine.includes('underline') || LINK_COLORS.some((name) => same(rgba(s.color), ctx.system.get(name)!));
    if (linkLike && text) continue;
    problems.push(`${nameOf(el)}: no boundary (no visible border, outline or fill; not link-coloured or underlined)`);
  }
  return problems;
}

/**
 * The map's SVG markers (role=button `g`): what they paint resolves to system colours, and some of
 * it stands out from the map at 3:1.
 */
function svgButtons(elements: Element[], ctx: Context): string[] {
  const problems: string[] = [];
  for (const el of elements) {
    if (!isSvg(el) || !el.matches('[role="button"], [role="link"], [tabindex]') || !shown(el)) continue;
    const around = backgroundOf(el, ctx.canvas);
    if (!around) continue;
    let standsOut = false;
    for (const shape of el.querySelectorAll(SHAPES)) {
      const s = style(shape);
      for (const [prop, value] of [['fill', s.fill], ['stroke', s.stroke]] as const) {
        if (value === 'none' || value.startsWith('url(')) continue;
        const color = rgba(value);
        if (color[3] === 0) continue;
        // (Where the map opts out of forced colours, optedOut reports a colour of its own.)
        if (!systemName(color, ctx) && s.forcedColorAdjust !== 'none') problems.push(`${nameOf(el)}: ${shape.localName}.${shape.getAttribute('class') ?? ''} ${prop} ${css(color)} is no system colour`);
        const painted = prop === 'fill' || parseFloat(s.strokeWidth) >= 1;
        if (painted && contrast(over(color, around), around) >= 3) standsOut = true;
      }
    }
    if (!standsOut) problems.push(`${nameOf(el)}: nothing in it stands out from the map at 3:1`);
  }
  return problems;
}

/**
 * What opts out of forced colours (`forced-color-adjust: none`) keeps its author's colours, so
 * every colour it paints must be a system colour: its text, fill, borders, and SVG fill and stroke.
 */
function optedOut(elements: Element[], ctx: Context): string[] {
  const problems: string[] = [];
  for (const el of elements) {
    const s = style(el);
    if (s.forcedColorAdjust !== 'none' || NOT_TEXT.has(el.localName) || !shown(el)) continue;
    const painted: [string, string][] = [];
    if (isSvg(el)) {
      if (el.matches(`${SHAPES}, text`)) {
        if (s.fill !== 'none' && !s.fill.startsWith('url(')) painted.push(['fill', s.fill]);
        if (s.stroke !== 'none' && !s.stroke.startsWith('url(') && parseFloat(s.strokeWidth) > 0) painted.push(['stroke', s.stroke]);
      }
    } else {
      if (ownText(el).length) painted.push(['color', s.color]);
      painted.push(['background', s.backgroundColor]);
      for (const side of SIDES) {
        const name = `border-${side.toLowerCase()}`;
        if (parseFloat(s.getPropertyValue(`${name}-width`)) > 0 && !['none', 'hidden'].includes(s.getPropertyValue(`${name}-style`))) {
          painted.push([name, s.getPropertyValue(`${name}-color`)]);
        }
      }
    }
    for (const [prop, value] of painted) {
      const color = rgba(value);
      if (color[3] > 0 && !systemName(color, ctx)) problems.push(`${nameOf(el)}: ${prop} ${css(color)} is no system colour, under forced-color-adjust: none`);
    }
  }
  return problems;
}

/** What a focus indicator can draw or change, read before and after focusing (not box-shadow: forced colours remove it). */
interface Look {
  outline: { width: number; color: Rgba } | undefined;
  borders: { width: number; color: Rgba }[];
  fill: Rgba;
  underline: boolean;
  /** An SVG marker's shapes. */
  shapes: { fill: Rgba | undefined; stroke: Rgba | undefined; strokeWidth: number }[];
}

const paintOf = (value: string) => (value === 'none' || value.startsWith('url(') ? undefined : rgba(value));

function lookOf(el: Element): Look {
  const s = style(el);
  const width = parseFloat(s.outlineWidth);
  return {
    outline: s.outlineStyle !== 'none' && width >= 1 ? { width, color: rgba(s.outlineColor) } : undefined,
    borders: SIDES.map((side) => {
      const name = `border-${side.toLowerCase()}`;
      const visible = !['none', 'hidden'].includes(s.getPropertyValue(`${name}-style`));
      return { width: visible ? parseFloat(s.getPropertyValue(`${name}-width`)) : 0, color: rgba(s.getPropertyValue(`${name}-color`)) };
    }),
    fill: rgba(s.backgroundColor),
    underline: s.textDecorationLine.includes('underline'),
    shapes: [...(isSvg(el) ? el.querySelectorAll(SHAPES) : [])].map((shape) => {
      const t = style(shape);
      return { fill: paintOf(t.fill), stroke: paintOf(t.stroke), strokeWidth: parseFloat(t.strokeWidth) };
    }),
  };
}

/** Two colours one tells apart on `around` (transparent counts as `around`). */
const apart = (a: Rgba | undefined, b: Rgba | undefined, around: Rgba) => contrast(a ? over(a, around) : around, b ? over(b, around) : around) >= 3;

/** What focusing changed that one can see, or '' if nothing. */
function focusShows(before: Look, after: Look, around: Rgba): string {
  const ring = after.outline;
  if (ring && apart(ring.color, undefined, around)) {
    const was = before.outline;
    if (!was || ring.width >= was.width + 1 || apart(ring.color, was.color, around)) return 'outline';
  }
  if (after.borders.some((b, i) => b.width >= before.borders[i]!.width + 1 && apart(b.color, undefined, around))) return 'border width';
  if (after.borders.some((b, i) => b.width >= 1 && apart(b.color, before.borders[i]!.color, around))) return 'border colour';
  if (apart(after.fill, before.fill, around)) return 'fill';
  if (after.underline !== before.underline) return 'underline';
  const shapes = after.shapes.some((shape, i) => {
    const was = before.shapes[i]!;
    const stroke = shape.stroke && shape.strokeWidth >= 1 ? shape.stroke : undefined;
    const wasStroke = was.stroke && was.strokeWidth >= 1 ? was.stroke : undefined;
    return apart(stroke, wasStroke, around) || apart(shape.fill, was.fill, around) || (!!stroke && shape.strokeWidth >= was.strokeWidth + 1);
  });
  return shapes ? 'SVG shapes' : '';
}

const deepActive = (doc: Document) => {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/**
 * Each element in the tab order shows where focus is: focusing it brings an outline (or changes
 * the one it had), or changes its border, fill or SVG shapes by 3:1. A box-shadow ring does not
 * count: forced colours remove it.
 */
async function focusIndicators(elements: Element[], doc: Document, ctx: Context): Promise<string[]> {
  const problems: string[] = [];
  for (const el of elements as (HTMLElement | SVGElement)[]) {
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]') || !shown(el)) continue;
    if (!isSvg(el) && !el.matches('a[href], button, input, select, textarea, summary, [tabindex]')) continue;
    (deepActive(doc) as HTMLElement | null)?.blur();
    const before = lookOf(el);
    el.focus({ preventScroll: true, focusVisible: true } as FocusOptions);
    if (deepActive(doc) !== el) continue; // not focusable here (behind a modal dialog)
    const moving = el.getAnimations({ subtree: true });
    if (moving.length) await Promise.race([Promise.all(moving.map((a) => a.finished.catch(() => undefined))), settle(500)]);
    const around = backgroundOf(flatParent(el), ctx.canvas) ?? ctx.canvas;
    if (!el.matches(':focus-visible')) problems.push(`${nameOf(el)}: focused, but not :focus-visible`);
    else if (!focusShows(before, lookOf(el), around)) {
      const s = style(el);
      problems.push(`${nameOf(el)}: focus shows nothing (outline ${s.outlineStyle} ${s.outlineWidth}${s.boxShadow !== 'none' ? ', a box-shadow only' : ''})`);
    }
    el.blur();
  }
  return problems;
}

// ---- 200 % text ----

/** The font size of every element that shows text, by element. */
function fontSizes(doc: Document): Map<Element, { widget: Element; size: number }> {
  const sizes = new Map<Element, { widget: Element; size: number }>();
  for (const { widget, elements } of shadowTrees(doc)) {
    for (const el of elements) {
      if (!NOT_TEXT.has(el.localName) && ownText(el).length && shown(el)) sizes.set(el, { widget, size: parseFloat(style(el).fontSize) });
    }
  }
  return sizes;
}

/** Text cut off by a box that hides its overflow (screen-reader-only helpers aside). */
function clippedText(elements: Element[]): string[] {
  const problems: string[] = [];
  for (const el of elements) {
    if (isSvg(el)) continue;
    const s = style(el);
    const clipX = s.overflowX === 'hidden' || s.overflowX === 'clip';
    const clipY = s.overflowY === 'hidden' || s.overflowY === 'clip';
    if (!clipX && !clipY) continue;
    const tooWide = clipX && el.scrollWidth > el.clientWidth + 1;
    const tooTall = clipY && el.scrollHeight > el.clientHeight + 1;
    if ((!tooWide && !tooTall) || !shown(el)) continue;
    const box = el.getBoundingClientRect();
    const left = box.left + el.clientLeft;
    const top = box.top + el.clientTop;
    const inner = { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
    const cut = [el, ...deepElements(el)].find((child) => {
      if (NOT_TEXT.has(child.localName) || !shown(child)) return false;
      return ownText(child).some((text) => {
        const range = el.ownerDocument.createRange();
        range.selectNodeContents(text);
        return [...range.getClientRects()].some(
          (r) => r.width > 0 && ((clipX && (r.left < inner.left - 1 || r.right > inner.right + 1)) || (clipY && (r.top < inner.top - 1 || r.bottom > inner.bottom + 1))),
        );
      });
    });
    if (cut) problems.push(`${nameOf(el)} (overflow ${s.overflowX} ${s.overflowY}) cuts off ${nameOf(cut)}`);
  }
  return problems;
}

const settle = (ms = 250) => new Promise((r) => setTimeout(r, ms));

/** Waits for running transitions (a button easing into its forced colours) to end, a second at most. */
async function transitionsDone(doc: Document): Promise<void> {
  const roots: (Document | ShadowRoot)[] = [doc, ...deepElements(doc).flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
  const running = roots.flatMap((root) => root.getAnimations()).filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
  await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => undefined))), settle(1000)]);
}

const forcedColors = (active: boolean) =>
  executeServerCommand<{ emulated: boolean }, { active: boolean }>('rsvp-forced-colors', { active }).catch(() => ({ emulated: false }));

describe('every story stays readable in forced colours and at 200 % text', function () {
  this.timeout(30000);

  it('finds the built Storybook', function () {
    if (!isChromium) this.skip();
    expect(stories.length, 'run npm run build-storybook first').to.be.greaterThan(10);
  });

  for (const story of stories) {
    describe(`${story.title} / ${story.name}`, () => {
      let win: StoryWindow;
      before(async () => {
        win = await openStory(story.id, 'light', 1280);
      });
      after(async () => {
        win?.frameElement?.remove();
        await forcedColors(false);
      });

      it('forced colours: text contrast, control boundaries, SVG markers, focus indicators', async function () {
        const { emulated } = await forcedColors(true);
        if (!emulated) this.skip();
        const doc = win.document;
        await settle(50);
        await transitionsDone(doc);
        expect(win.matchMedia('(forced-colors: active)').matches, 'forced colours emulated in the story').to.equal(true);
        const system = systemColors(doc);
        const ctx: Context = { canvas: system.get('Canvas')!, system, checked: { text: 0 } };
        const problems: string[] = [];
        for (const { widget, elements } of shadowTrees(doc)) {
          const found = [...textContrast(elements, ctx), ...controlBoundaries(elements, ctx), ...svgButtons(elements, ctx), ...optedOut(elements, ctx), ...(await focusIndicators(elements, doc, ctx))];
          problems.push(...found.map((p) => `${widget.localName} › ${p}`));
        }
        (deepActive(doc) as HTMLElement | null)?.blur();
        await forcedColors(false);
        expect(ctx.checked.text, 'text to check').to.be.greaterThan(0);
        if (problems.length) expect.fail(`${story.id} in forced colours:\n  ${problems.join('\n  ')}`);
      });

      it('200 % text: text grows, nothing is clipped, no sideways scrolling at 1280 px', async () => {
        const doc = win.document;
        await forcedColors(false);
        const before = fontSizes(doc);
        expect(before.size, 'text to measure').to.be.greaterThan(0);
        doc.documentElement.style.fontSize = '200%';
        await settle();
        await widgetsSettled(doc, { loading: isLoadingStory(story.id) });
        await settle();
        const problems: string[] = [];
        const ratios: number[] = [];
        for (const [el, { widget, size }] of before) {
          if (!el.isConnected || !shown(el)) continue;
          const now = parseFloat(style(el).fontSize);
          ratios.push(now / size);
          // A layout for narrow containers (an em-based container query) may set its text a step
          // smaller; text that hardly grows has its size in px, or capped.
          if (now < size * 1.5) problems.push(`${widget.localName} › ${nameOf(el)}: font size ${size}px → ${now}px, not doubled (px, or capped?)`);
        }
        ratios.sort((a, b) => a - b);
        const median = ratios[Math.floor(ratios.length / 2)] ?? 0;
        if (median < 1.9) problems.push(`the widgets' text grew ${median.toFixed(2)}× (median), not 2×`);
        const page = doc.documentElement;
        const sideways = page.scrollWidth > page.clientWidth + 1;
        if (sideways) problems.push(`the page scrolls sideways: ${page.scrollWidth}px wide in ${page.clientWidth}px`);
        for (const { widget, elements } of shadowTrees(doc)) {
          problems.push(...clippedText(elements).map((p) => `${widget.localName} › ${p}`));
          if (!sideways) continue;
          // Name what sticks out.
          const inClipper = (el: Element) => [...ancestry(flatParent(el))].some((a) => a !== page && style(a).overflowX !== 'visible');
          const wide = elements.filter((el) => !isSvg(el) && shown(el) && el.getBoundingClientRect().right > page.clientWidth + 1 && !inClipper(el));
          const outermost = wide.filter((el) => ![...ancestry(flatParent(el))].some((a) => wide.includes(a)));
          problems.push(...outermost.slice(0, 3).map((el) => `${widget.localName} › ${nameOf(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`));
        }
        if (problems.length) expect.fail(`${story.id} at 200 % text:\n  ${problems.join('\n  ')}`);
      });
    });
  }
});
