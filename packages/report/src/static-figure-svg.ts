import type { PlotlyFigure } from './plotly-figure.js';

/**
 * Escapes text for XML element content and quoted attribute values: `& < > " '` become entities.
 *
 * @example escapeXml('a < b') // 'a &lt; b'
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Plotly text (the `<b>` tag and `&lt; &gt; &amp;` entities of `plotlyText`) as plain text and a bold flag. */
function plainText(text: unknown): { text: string; bold: boolean } {
  const s = typeof text === 'string' ? text : '';
  const bold = s.includes('<b>');
  const plain = s
    .replace(/<\/?b>/g, '')
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { text: plain, bold };
}

/**
 * The source of a layout image that {@link staticFigureSvg} draws (a base64 PNG `data:` URI; anything
 * else is left out), or null. The SVG's `<image data-tk-image="i">` holds layout image i's source.
 *
 * @example staticImageSource('https://example.org/x.png') // null
 */
export function staticImageSource(source: unknown): string | null {
  return typeof source === 'string' && /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(source) ? source : null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const pair = (v: unknown, fallback: [number, number]): [number, number] =>
  Array.isArray(v) && v.length === 2 ? [num(v[0], fallback[0]), num(v[1], fallback[1])] : fallback;
const fmt = (v: number): string => String(Math.round(v * 10) / 10);

/** Options of {@link staticFigureSvg}. */
export interface StaticFigureOptions {
  /** Width of the drawing in SVG user units (CSS pixels at 100 %); default 1100. */
  readonly width?: number;
  /** Height in the same units; default 360. */
  readonly height?: number;
  /** Text alternative for screen readers (the figure's title): the SVG's `<title>` and `aria-label`. */
  readonly label?: string;
}

interface Axis {
  readonly domain: [number, number];
  readonly range: [number, number];
  readonly layout: Obj;
}

/**
 * Plotly's automatic linear ticks (axes.prepTicks and autoTicks): nt = clamp(length / minPx, 4, 9) + 1
 * with minPx 80 on x axes and 40 on y axes; the rough step span / nt is rounded up to the next of 2, 5
 * or 10 × 10^k strictly above it (Lib.roundUp); ticks are the multiples of that step in the range.
 */
function linearTicks(lo: number, hi: number, lengthPx: number, letter: 'x' | 'y'): number[] {
  const span = hi - lo;
  if (!(span > 0)) {
    return [lo];
  }
  const nt = Math.min(9, Math.max(4, lengthPx / (letter === 'y' ? 40 : 80))) + 1;
  const rough = span / nt;
  const base = 10 ** Math.floor(Math.log10(rough));
  const step = base * ([2, 5, 10].find((m) => m > rough / base) ?? 10);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.round(v / step) * step);
  }
  return out;
}

/**
 * Tick labels as Plotly writes linear ticks by default: one SI suffix for the whole axis (k, M, G),
 * chosen from the larger end of the range when it is 10^4 or more (exponent 3 · round((e − 1) / 3),
 * e = floor(log10(max |end|))), so 5000 reads 5k on a 0–20 000 axis and 5000 on a 0–9000 one;
 * zero is always 0.
 */
function tickLabels(values: readonly number[], range: readonly [number, number]): string[] {
  const maxEnd = Math.max(Math.abs(range[0]), Math.abs(range[1]));
  const e = Math.floor(Math.log10(maxEnd) + 0.01);
  const exponent = e > 3 ? Math.min(9, 3 * Math.round((e - 1) / 3)) : 0;
  const suffix = ({ 0: '', 3: 'k', 6: 'M', 9: 'G' } as Record<number, string>)[exponent] ?? '';
  return values.map((v) => (v === 0 ? '0' : `${String(Math.round((v / 10 ** exponent) * 1e6) / 1e6)}${suffix}`));
}

/**
 * Draws a Plotly figure of the report's flow builders (`sampleFlowFigure`, `gatingHierarchyFigure`
 * with `densityImage: true`, `markerHistogramFigure`) as a static SVG: the same subplot domains and
 * ranges, density PNG images, line traces (step histograms, filled to zero, dashed controls), point
 * scatters, gate shapes (rectangles, paths, lines on data or domain coordinates), annotations, axis
 * titles and tick labels in data units. Heatmap traces are not drawn (use density images). Every text
 * is XML-escaped; the only URIs written are the figure's `data:image/png` images.
 *
 * @example staticFigureSvg(sampleFlowFigure(panels, histograms, { densityImage: true }), { height: 620 }).startsWith('<svg') // true
 */
export function staticFigureSvg(figure: PlotlyFigure, options: StaticFigureOptions = {}): string {
  const W = options.width ?? 1100;
  const H = options.height ?? 360;
  const layout = figure.layout;
  const margin = obj(layout.margin);
  const left = num(margin.l, 80);
  const top = num(margin.t, 100);
  const pw = W - left - num(margin.r, 80);
  const ph = H - top - num(margin.b, 80);
  const out: string[] = [];
  const axisCache = new Map<string, Axis>();
  const axis = (ref: string): Axis => {
    const id = ref.replace(/ domain$/, '');
    const key = `${id[0]}axis${id.slice(1)}`;
    const cached = axisCache.get(key);
    if (cached) {
      return cached;
    }
    const a = obj(layout[key]);
    let range = pair(a.range, [Number.NaN, Number.NaN]);
    if (!Number.isFinite(range[0])) {
      // Autorange from the traces on this axis (histograms: from zero to 5 % above the highest bin).
      const values = figure.data.flatMap((t) => ((t[id[0] === 'x' ? 'xaxis' : 'yaxis'] ?? id[0]) === id ? ((t[id[0]!] as unknown[] | undefined) ?? []) : []));
      const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      const hi = finite.length > 0 ? Math.max(...finite) : 1;
      const lo = a.rangemode === 'tozero' ? 0 : finite.length > 0 ? Math.min(...finite) : 0;
      range = [lo, hi > lo ? hi + (hi - lo) * 0.05 : lo + 1];
    }
    const made = { domain: pair(a.domain, [0, 1]), range, layout: a };
    axisCache.set(key, made);
    return made;
  };
  const px = (id: string, v: number): number => {
    const a = axis(id);
    if (id.endsWith(' domain')) {
      return left + (a.domain[0] + v * (a.domain[1] - a.domain[0])) * pw;
    }
    return left + (a.domain[0] + ((v - a.range[0]) / (a.range[1] - a.range[0])) * (a.domain[1] - a.domain[0])) * pw;
  };
  const py = (id: string, v: number): number => {
    const a = axis(id);
    const f = id.endsWith(' domain') ? v : (v - a.range[0]) / (a.range[1] - a.range[0]);
    return top + (1 - (a.domain[0] + f * (a.domain[1] - a.domain[0]))) * ph;
  };
  const base = (ref: unknown, fallback: string): string => (typeof ref === 'string' ? ref.replace(/ domain$/, '') : fallback);
  const refOf = (ref: unknown, fallback: string): string => (typeof ref === 'string' ? ref : fallback);
  const text = (to: string[], x: number, y: number, raw: unknown, attrs: string, size: number, colour = '#444'): void => {
    const t = plainText(raw);
    if (t.text) {
      to.push(`<text x="${fmt(x)}" y="${fmt(y)}" font-size="${size}" fill="${escapeXml(colour)}"${t.bold ? ' font-weight="bold"' : ''} ${attrs}>${escapeXml(t.text)}</text>`);
    }
  };
  // Subplots: every x axis anchored to a y axis.
  const subplots = Object.keys(layout)
    .filter((k) => /^xaxis\d*$/.test(k))
    .map((k) => {
      const xid = `x${k.slice(5)}`;
      return [xid, base(obj(layout[k]).anchor, `y${k.slice(5)}`)] as const;
    });
  out.push('<defs>');
  for (const [xid, yid] of subplots) {
    const [x0, x1] = [px(`${xid} domain`, 0), px(`${xid} domain`, 1)];
    const [y0, y1] = [py(`${yid} domain`, 1), py(`${yid} domain`, 0)];
    out.push(`<clipPath id="tk-clip-${xid}"><rect x="${fmt(x0)}" y="${fmt(y0)}" width="${fmt(x1 - x0)}" height="${fmt(y1 - y0)}"/></clipPath>`);
  }
  out.push('</defs>');
  // Grid lines under the data; tick labels and axis titles over it (drawn after the data, below).
  const labels: string[] = [];
  for (const [xid, yid] of subplots) {
    const xa = axis(xid);
    const ya = axis(yid);
    const [x0, x1] = [px(`${xid} domain`, 0), px(`${xid} domain`, 1)];
    const [y0, y1] = [py(`${yid} domain`, 1), py(`${yid} domain`, 0)];
    const ticks = (a: Axis, lengthPx: number, letter: 'x' | 'y'): { at: number; label: string }[] => {
      const vals = a.layout.tickvals;
      const texts = a.layout.ticktext;
      const [lo, hi] = [Math.min(...a.range), Math.max(...a.range)];
      const list = Array.isArray(vals)
        ? vals.map((v, i) => ({ at: num(v, Number.NaN), label: String((Array.isArray(texts) ? texts[i] : undefined) ?? v) }))
        : ((vs): { at: number; label: string }[] => {
            const labels = tickLabels(vs, a.range);
            return vs.map((v, i) => ({ at: v, label: labels[i]! }));
          })(linearTicks(lo, hi, lengthPx, letter));
      return list.filter((t) => t.at >= lo && t.at <= hi);
    };
    const xTicks = ticks(xa, x1 - x0, 'x');
    const yTicks = ticks(ya, y1 - y0, 'y');
    // One grid path and two label groups per subplot (shared attributes): a figure has about a
    // hundred ticks, and fewer elements parse and lay out faster when the page loads.
    let grid = '';
    if (xa.layout.showgrid !== false) {
      grid += xTicks.map((t) => `M${fmt(px(xid, t.at))},${fmt(y0)}V${fmt(y1)}`).join('');
    }
    if (ya.layout.showgrid !== false) {
      grid += yTicks.map((t) => `M${fmt(x0)},${fmt(py(yid, t.at))}H${fmt(x1)}`).join('');
    }
    out.push(`<g class="tk-subplot" data-tk-axes="${xid}${yid}">${grid ? `<path d="${grid}" fill="none" stroke="#eee"/>` : ''}</g>`);
    const tickGroup = (anchor: string, items: string[]): void => {
      if (items.length > 0) {
        labels.push(`<g font-size="11" fill="#444" text-anchor="${anchor}">${items.join('')}</g>`);
      }
    };
    const tickText = (x: number, y: number, label: string): string => `<text x="${fmt(x)}" y="${fmt(y)}">${escapeXml(plainText(label).text)}</text>`;
    tickGroup('middle', xTicks.filter((t) => plainText(t.label).text).map((t) => tickText(px(xid, t.at), y1 + 14, t.label)));
    tickGroup('end', yTicks.filter((t) => plainText(t.label).text).map((t) => tickText(x0 - 4, py(yid, t.at) + 4, t.label)));
    const xt = obj(xa.layout.title);
    text(labels, (x0 + x1) / 2, y1 + 32, xt.text, `text-anchor="middle" class="tk-axis-title" data-tk-axis="${xid}"`, num(obj(xt.font).size, 12));
    const yt = obj(ya.layout.title);
    // Left of the widest tick label (about 6.5 px per character at 11 px).
    const yx = x0 - 16 - 6.5 * Math.max(0, ...yTicks.map((t) => t.label.length));
    text(labels, yx, (y0 + y1) / 2, yt.text, `text-anchor="middle" class="tk-axis-title" data-tk-axis="${yid}" transform="rotate(-90 ${fmt(yx)} ${fmt((y0 + y1) / 2)})"`, num(obj(yt.font).size, 12));
  }
  (Array.isArray(layout.images) ? (layout.images as unknown[]).map(obj) : []).forEach((img, index) => {
    const source = staticImageSource(img.source);
    if (source) {
      const xr = base(img.xref, 'x');
      const yr = base(img.yref, 'y');
      const x = px(xr, num(img.x, 0));
      const y = py(yr, num(img.y, 0));
      const w = px(xr, num(img.x, 0) + num(img.sizex, 0)) - x;
      const h = py(yr, num(img.y, 0) - num(img.sizey, 0)) - y;
      out.push(`<image clip-path="url(#tk-clip-${xr})" x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" preserveAspectRatio="none" style="image-rendering:pixelated" data-tk-image="${index}" href="${source}"/>`);
    }
  });
  for (const t of figure.data) {
    if (t.type !== 'scatter') {
      continue;
    }
    const xr = refOf(t.xaxis, 'x');
    const yr = refOf(t.yaxis, 'y');
    const xs = Array.isArray(t.x) ? (t.x as unknown[]) : [];
    const ys = Array.isArray(t.y) ? (t.y as unknown[]) : [];
    const pts = xs.map((x, i) => [px(xr, num(x, 0)), py(yr, num(ys[i], 0))] as const);
    const line = obj(t.line);
    const colour = escapeXml(typeof line.color === 'string' ? line.color : '#444');
    if (t.mode === 'markers') {
      const m = obj(t.marker);
      out.push(`<g clip-path="url(#tk-clip-${xr})" fill="${escapeXml(typeof m.color === 'string' ? m.color : '#333')}" fill-opacity="${num(m.opacity, 1)}">${pts.map(([x, y]) => `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="1"/>`).join('')}</g>`);
      continue;
    }
    // Plotly's 'hvh' step: horizontal to the midpoint, vertical, horizontal (the last horizontal
    // merges with the next step's first; equal heights need no step).
    const d =
      pts
        .map(([x, y], i) => {
          if (i === 0) {
            return `M${fmt(x)},${fmt(y)}`;
          }
          const [xp, yp] = pts[i - 1]!;
          if (line.shape !== 'hvh') {
            return `L${fmt(x)},${fmt(y)}`;
          }
          return fmt(y) === fmt(yp) ? '' : `H${fmt((xp + x) / 2)}V${fmt(y)}`;
        })
        .join('') + (line.shape === 'hvh' && pts.length > 1 ? `H${fmt(pts[pts.length - 1]![0])}` : '');
    if (t.fill === 'tozeroy' && pts.length > 0) {
      const zero = fmt(py(yr, Math.max(0, axis(yr).range[0])));
      out.push(`<path clip-path="url(#tk-clip-${xr})" d="${d}V${zero}H${fmt(pts[0]![0])}Z" fill="${colour}" fill-opacity="0.5" stroke="none"/>`);
    }
    const dash = line.dash === 'dash' ? ' stroke-dasharray="6 4"' : '';
    out.push(`<path clip-path="url(#tk-clip-${xr})" d="${d}" fill="none" stroke="${colour}" stroke-width="${num(line.width, 1.5)}"${dash}/>`);
  }
  for (const s of Array.isArray(layout.shapes) ? (layout.shapes as unknown[]).map(obj) : []) {
    const xr = refOf(s.xref, 'x');
    const yr = refOf(s.yref, 'y');
    const line = obj(s.line);
    const stroke = `fill="none" stroke="${escapeXml(typeof line.color === 'string' ? line.color : '#444')}" stroke-width="${num(line.width, 2)}"${line.dash === 'dash' ? ' stroke-dasharray="6 4"' : ''} clip-path="url(#tk-clip-${base(xr, 'x')})"`;
    if (s.type === 'line') {
      out.push(`<line x1="${fmt(px(xr, num(s.x0, 0)))}" x2="${fmt(px(xr, num(s.x1, 0)))}" y1="${fmt(py(yr, num(s.y0, 0)))}" y2="${fmt(py(yr, num(s.y1, 0)))}" ${stroke}/>`);
    } else if (s.type === 'rect') {
      const xa = px(xr, num(s.x0, 0));
      const xb = px(xr, num(s.x1, 0));
      const ya = py(yr, num(s.y0, 0));
      const yb = py(yr, num(s.y1, 0));
      out.push(`<rect x="${fmt(Math.min(xa, xb))}" y="${fmt(Math.min(ya, yb))}" width="${fmt(Math.abs(xb - xa))}" height="${fmt(Math.abs(yb - ya))}" ${stroke}/>`);
    } else if (s.type === 'path' && typeof s.path === 'string') {
      // Gate paths are 'M x,y L x,y ... Z' in data units.
      const d = s.path.replace(/([ML])\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)/g, (_m, c: string, x: string, y: string) => `${c}${fmt(px(xr, Number(x)))},${fmt(py(yr, Number(y)))}`);
      if (/^[MLZ\d.,\s-]*$/.test(d)) {
        out.push(`<path d="${d}" ${stroke}/>`);
      }
    }
  }
  out.push(...labels);
  for (const a of Array.isArray(layout.annotations) ? (layout.annotations as unknown[]).map(obj) : []) {
    const xr = refOf(a.xref, 'x');
    const yr = refOf(a.yref, 'y');
    const x = px(xr, num(a.x, 0));
    const y = py(yr, num(a.y, 0));
    const font = obj(a.font);
    const size = num(font.size, 12);
    const anchor = a.xanchor === 'left' ? 'start' : a.xanchor === 'right' ? 'end' : 'middle';
    const dy = a.yanchor === 'bottom' ? -3 : a.yanchor === 'top' ? size : size / 3;
    text(out, x, y + dy, a.text, `text-anchor="${anchor}" class="tk-annotation"`, size, typeof font.color === 'string' ? font.color : '#444');
  }
  const title = obj(layout.title);
  text(out, W / 2, 24, title.text, 'text-anchor="middle"', num(obj(title.font).size, 14));
  const label = options.label === undefined ? '' : escapeXml(options.label);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="tk-static-svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, 'DejaVu Sans', sans-serif" role="img"${label ? ` aria-label="${label}"><title>${label}</title>` : '>'}<rect width="${W}" height="${H}" fill="#fff"/>${out.join('')}</svg>`;
}
