// Lane-aware automatic layout of a BPMN file, as diagram interchange (BPMNDI).
//
// Used two ways:
//   - render.mjs draws a file that has no BPMNDI with it (in memory), and
//   - `render.mjs --write-di` writes the result into the file, once, as the
//     start of a drawing that is then kept (and edited) in the file itself.
//
// How it lays out a process (and, the same way, every expanded sub-process):
//   1. columns: the flow goes left to right; each node gets the column of its
//      longest path from a start event (loops are recognised and drawn back);
//   2. lanes and rows: every node stays in the band of its lane; inside a
//      lane the main path keeps one row, branches and the "Báo lãnh đạo" end
//      events of boundary timers take rows below;
//   3. coordinates: a column is as wide as its widest node or label, a gap as
//      wide as the name of a flow that crosses it;
//   4. flows: routed at right angles by a shortest-path search on a grid of
//      channels between nodes, which charges bends, crossings and, heavily,
//      running along another flow, so that no flow passes through a node or
//      shares a stretch of line with another flow;
//   5. labels: names of events, gateways and flows are put beside their shape
//      or line, at the first place where they touch no shape, line or label.
// Event sub-processes are drawn expanded in a band below the lanes; an
// embedded sub-process is drawn expanded with its content laid out inside it.
//
// Text is measured by the caller (`measure`, in the browser with the fonts of
// bpmn-js) so that labels get the size they are drawn with; without it an
// approximation is used.

import { BpmnModdle } from 'bpmn-moddle';

const C = {
  POOL_HEADER: 30,
  LANE_HEADER: 30,
  PAD_LEFT: 40, // lane header .. first column
  PAD_RIGHT: 60, // last column .. pool border
  GAP: 50, // between two columns
  ROW_TOP: 40, // lane row: room above the nodes (gateway names, loops)
  ROW_BOTTOM: 40, // and below (event names, timers)
  SUB_PAD_X: 25, // expanded sub-process: left/right padding
  SUB_HEADER: 26, // room for its name
  SUB_ROW_TOP: 30,
  SUB_ROW_BOTTOM: 45,
  BAND_PAD: 30, // band of event sub-processes
  BAND_GAP: 50,
  MIN_LANE: 150,
  STUB: 20, // a flow leaves/enters a shape straight for this long
  INFLATE: 10, // flows keep this far from shapes
  LABEL_WRAP: 90, // bpmn-js wraps external labels at 90 px
  LINE: 13.2, // line height of external labels (11 px * 1.2)
  ORIGIN_X: 160,
  ORIGIN_Y: 80
};

// costs of the flow router
const COST = {
  BEND: 30, // a corner
  CROSS: 45, // crossing another flow
  OVERLAP: 4000, // running along another flow
  SHARED: 0.02, // per px, running along a flow with the same source or target (a fork or a merge)
  TOUCH: 1200, // a corner on another flow
  PORT_SHARED: 25, // leaving/entering where another flow does
  PORT_SIBLING: 40, // ... one with the same source or target
  PORT_CONFLICT: 6000, // leaving where a flow enters
  SOFT: 15 // per grid step through the default place of a label
};

const TASK_WIDTHS = [100, 120, 140, 160, 180, 200];

const isSubProcessType = (t) => t === 'bpmn:SubProcess' || t === 'bpmn:Transaction' || t === 'bpmn:AdHocSubProcess';
const isFlowNodeType = (t) => /(Task|Gateway|Event|CallActivity)$/.test(t) || isSubProcessType(t);

function kindOf(bo) {
  const t = bo.$type;
  if (/Gateway$/.test(t)) return 'gateway';
  if (t === 'bpmn:BoundaryEvent') return 'boundary';
  if (/Event$/.test(t)) return 'event';
  if (isSubProcessType(t)) return 'subprocess';
  return 'task';
}

const hasExternalLabel = (bo) => /(Event|Gateway|SequenceFlow|MessageFlow)$/.test(bo.$type);

// ---------------------------------------------------------------------------
// text

/** Rough text metrics (Arial/Liberation Sans) when no browser measures them. */
export function approximateMeasure(requests) {
  return requests.map(({ text, width, kind }) => {
    const size = kind === 'external' ? 11 : 12;
    const charWidth = (ch) => (/[il.,;:'!|\s]/.test(ch) ? 0.28 : /[mwMW]/.test(ch) ? 0.85 : /[A-Z]/.test(ch) ? 0.68 : 0.55) * size;
    const wordWidth = (w) => [...w].reduce((s, ch) => s + charWidth(ch), 0);
    const max = kind === 'embedded' ? width - 14 : width;
    const lines = [];
    let line = '';
    for (const word of String(text).split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && wordWidth(next) > max) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    if (line) lines.push(line);
    const lineWidths = lines.map(wordWidth);
    const textWidth = Math.max(0, ...lineWidths);
    return { lines, lineWidths, textWidth, width: Math.ceil(textWidth), height: Math.ceil(lines.length * size * 1.2) };
  });
}

class Texts {
  constructor(measure) {
    this.measure = measure || (async (r) => approximateMeasure(r));
    this.wanted = new Map();
    this.results = new Map();
  }

  key(text, width, kind) {
    return `${kind}|${width}|${text}`;
  }

  want(text, width, kind) {
    if (!text) return;
    const key = this.key(text, width, kind);
    if (!this.results.has(key)) this.wanted.set(key, { text, width, kind });
  }

  async load() {
    const keys = [...this.wanted.keys()];
    if (!keys.length) return;
    const answers = await this.measure(keys.map((k) => this.wanted.get(k)));
    keys.forEach((k, i) => this.results.set(k, answers[i]));
    this.wanted.clear();
  }

  get(text, width, kind) {
    const result = this.results.get(this.key(text, width, kind));
    if (!result) throw new Error(`text not measured: ${kind} ${width} ${text}`);
    return result;
  }

  /** Size of an external label wrapped at `width` (its DI width reproduces the same lines). */
  label(text, width = C.LABEL_WRAP) {
    const r = this.get(text, width, 'external');
    return { w: Math.max(r.width, 4), h: Math.ceil(r.lines.length * C.LINE), lines: r.lines.length };
  }
}

// ---------------------------------------------------------------------------
// geometry helpers

const rect = (x, y, w, h) => ({ x, y, w, h });
const inflate = (r, d) => rect(r.x - d, r.y - d, r.w + 2 * d, r.h + 2 * d);
const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const segRect = (p, q) => rect(Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.abs(p[0] - q[0]), Math.abs(p[1] - q[1]));
const segHits = (p, q, r) => {
  // axis-parallel segment p-q against the open rectangle r
  if (p[1] === q[1]) {
    if (!(p[1] > r.y && p[1] < r.y + r.h)) return false;
    const lo = Math.min(p[0], q[0]), hi = Math.max(p[0], q[0]);
    return lo === hi ? lo > r.x && lo < r.x + r.w : Math.max(lo, r.x) < Math.min(hi, r.x + r.w);
  }
  if (!(p[0] > r.x && p[0] < r.x + r.w)) return false;
  const lo = Math.min(p[1], q[1]), hi = Math.max(p[1], q[1]);
  return Math.max(lo, r.y) < Math.min(hi, r.y + r.h);
};

function simplify(points) {
  const out = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2], b = last;
      if ((a[0] === b[0] && b[0] === p[0]) || (a[1] === b[1] && b[1] === p[1])) {
        out[out.length - 1] = p;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------
// binary heap for the router

class Heap {
  constructor() {
    this.keys = [];
    this.values = [];
  }

  get size() {
    return this.keys.length;
  }

  push(key, value) {
    const k = this.keys, v = this.values;
    let i = k.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (k[parent] <= key) break;
      k[i] = k[parent];
      v[i] = v[parent];
      i = parent;
    }
    k[i] = key;
    v[i] = value;
  }

  pop() {
    const k = this.keys, v = this.values;
    const top = v[0];
    const lastK = k.pop(), lastV = v.pop();
    if (k.length) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= k.length) break;
        if (child + 1 < k.length && k[child + 1] < k[child]) child++;
        if (k[child] >= lastK) break;
        k[i] = k[child];
        v[i] = v[child];
        i = child;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}

// ---------------------------------------------------------------------------
// orthogonal router

const DIRS = [[1, 0], [0, 1], [-1, 0], [0, -1]]; // right, down, left, up
const SIDE_DIR = { right: 0, bottom: 1, left: 2, top: 3 };

class Router {
  /**
   * @param area   rectangle the flows stay in
   * @param hard   rectangles no flow may enter (shapes, inflated)
   * @param soft   [{ r, cost }] places a flow should rather not cross (default label places)
   * @param xs, ys candidate lines: [{ v, must }]
   */
  constructor(area, hard, soft, xs, ys) {
    this.area = area;
    this.hard = hard;
    this.soft = soft;
    const pick = (lines, lo, hi) => {
      const inside = lines.filter((l) => l.v >= lo && l.v <= hi).map((l) => ({ v: Math.round(l.v), must: l.must }));
      inside.sort((a, b) => a.v - b.v || (b.must ? 1 : 0) - (a.must ? 1 : 0));
      const kept = [];
      const musts = inside.filter((l) => l.must).map((l) => l.v);
      for (const l of inside) {
        if (kept.length && kept[kept.length - 1] === l.v) continue;
        if (!l.must) {
          if (musts.some((m) => Math.abs(m - l.v) < 8 && m !== l.v)) continue;
          if (kept.length && l.v - kept[kept.length - 1] < 8) continue;
        }
        kept.push(l.v);
      }
      return kept;
    };
    this.xs = pick(xs, area.x, area.x + area.w);
    this.ys = pick(ys, area.y, area.y + area.h);
    this.xIndex = new Map(this.xs.map((v, i) => [v, i]));
    this.yIndex = new Map(this.ys.map((v, i) => [v, i]));
    const nx = (this.nx = this.xs.length), ny = (this.ny = this.ys.length);
    this.blockedP = new Uint8Array(nx * ny);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const x = this.xs[i], y = this.ys[j];
        if (hard.some((r) => x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h)) this.blockedP[j * nx + i] = 1;
      }
    }
    // unit edges: horizontal h(i,j) from (i,j) to (i+1,j); vertical v(i,j) from (i,j) to (i,j+1)
    this.blockedH = new Uint8Array(nx * ny);
    this.blockedV = new Uint8Array(nx * ny);
    this.softH = new Float32Array(nx * ny);
    this.softV = new Float32Array(nx * ny);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const p = [this.xs[i], this.ys[j]];
        if (i + 1 < nx) {
          const q = [this.xs[i + 1], this.ys[j]];
          if (hard.some((r) => segHits(p, q, r))) this.blockedH[j * nx + i] = 1;
          for (const s of soft) if (segHits(p, q, s.r)) this.softH[j * nx + i] += s.cost;
        }
        if (j + 1 < ny) {
          const q = [this.xs[i], this.ys[j + 1]];
          if (hard.some((r) => segHits(p, q, r))) this.blockedV[j * nx + i] = 1;
          for (const s of soft) if (segHits(p, q, s.r)) this.softV[j * nx + i] += s.cost;
        }
      }
    }
    this.useH = new Map(); // unit edge index -> Set(route ids)
    this.useV = new Map();
    this.passH = new Map(); // point -> Set(route ids) passing straight through horizontally
    this.passV = new Map();
    this.points = new Map(); // point -> Set(route ids) touching it
    this.ports = new Map(); // `${shape}:${side}` -> { in: Set, out: Set }
    this.routes = new Map(); // id -> { cells, ports }
  }

  point(x, y) {
    const i = this.xIndex.get(Math.round(x)), j = this.yIndex.get(Math.round(y));
    return i === undefined || j === undefined ? -1 : j * this.nx + i;
  }

  /**
   * Cheapest path for flow `id` from one of `starts` to one of `goals`:
   * [{ port: [x, y], stub: [x, y], dir, cost, key, role }]. `related(otherId)`
   * says whether another flow may share lines with this one (same source or
   * same target).
   */
  route(id, starts, goals, related) {
    const { nx, ny, xs, ys } = this;
    const n = nx * ny;
    const best = new Float64Array(n * 4).fill(Infinity);
    const from = new Int32Array(n * 4).fill(-1);
    const closed = new Uint8Array(n * 4);
    const heap = new Heap();
    const goalAt = new Map();
    for (const g of goals) {
      const p = this.point(g.stub[0], g.stub[1]);
      if (p < 0 || this.blockedP[p]) continue;
      const extra = g.cost + this.portCost(g.key, 'in', related);
      if (!goalAt.has(p)) goalAt.set(p, []);
      goalAt.get(p).push({ ...g, extra });
    }
    if (!goalAt.size) return null;
    const goalPts = [...goalAt.keys()].map((p) => [xs[p % nx], ys[Math.floor(p / nx)]]);
    const h = (p) => {
      const x = xs[p % nx], y = ys[Math.floor(p / nx)];
      let m = Infinity;
      for (const g of goalPts) m = Math.min(m, Math.abs(g[0] - x) + Math.abs(g[1] - y));
      return m;
    };
    const startOf = new Map();
    for (const s of starts) {
      const p = this.point(s.stub[0], s.stub[1]);
      if (p < 0 || this.blockedP[p]) continue;
      const state = p * 4 + s.dir;
      const g = s.cost + this.portCost(s.key, 'out', related);
      if (g < best[state]) {
        best[state] = g;
        startOf.set(state, s);
        heap.push(g + h(p), state);
      }
    }
    let done = null;
    const terminal = new Map();
    while (heap.size) {
      const state = heap.pop();
      if (state < 0) {
        // a finished path (goal extras already added)
        const t = terminal.get(state);
        done = t;
        break;
      }
      if (closed[state]) continue;
      closed[state] = 1;
      const p = state >> 2, d = state & 3;
      const g = best[state];
      // reached a goal stub?
      if (goalAt.has(p)) {
        for (const goal of goalAt.get(p)) {
          if ((d + 2) % 4 === goal.dir) continue; // would come out of the target
          const cost = g + goal.extra + (d === goal.dir ? 0 : COST.BEND);
          const key = -1 - terminal.size;
          terminal.set(key, { state, goal, cost });
          heap.push(cost, key);
        }
      }
      const i = p % nx, j = Math.floor(p / nx);
      for (let nd = 0; nd < 4; nd++) {
        if (nd === (d + 2) % 4) continue;
        const [dx, dy] = DIRS[nd];
        const ni = i + dx, nj = j + dy;
        if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
        const q = nj * nx + ni;
        if (this.blockedP[q]) continue;
        let edge, blocked, soft, use;
        if (dy === 0) {
          edge = j * nx + Math.min(i, ni);
          blocked = this.blockedH[edge];
          soft = this.softH[edge];
          use = this.useH.get(edge);
        } else {
          edge = Math.min(j, nj) * nx + i;
          blocked = this.blockedV[edge];
          soft = this.softV[edge];
          use = this.useV.get(edge);
        }
        if (blocked) continue;
        const len = Math.abs(xs[ni] - xs[i]) + Math.abs(ys[nj] - ys[j]);
        let cost = len + soft + (nd === d ? 0 : COST.BEND);
        if (use) for (const other of use) cost += related(other) ? COST.SHARED * len : COST.OVERLAP;
        const touching = this.points.get(q);
        if (touching) {
          const across = dy === 0 ? this.passV.get(q) : this.passH.get(q);
          for (const other of touching) {
            if (related(other) || (use && use.has(other))) continue;
            cost += across && across.has(other) ? COST.CROSS : COST.TOUCH;
          }
        }
        const ns = q * 4 + nd;
        const ng = g + cost;
        if (ng < best[ns]) {
          best[ns] = ng;
          from[ns] = state;
          heap.push(ng + h(q), ns);
        }
      }
    }
    if (!done) return null;
    // walk back
    const cells = [];
    let s = done.state;
    cells.push(s >> 2);
    while (from[s] >= 0) {
      s = from[s];
      cells.push(s >> 2);
    }
    cells.reverse();
    const start = startOf.get(s);
    const points = [start.port, ...cells.map((c) => [xs[c % nx], ys[Math.floor(c / nx)]]), done.goal.port];
    return { cost: done.cost, points: simplify(points), cells, start, goal: done.goal };
  }

  portCost(key, role, related) {
    const use = this.ports.get(key);
    if (!use) return 0;
    const other = role === 'in' ? use.out : use.in;
    const same = role === 'in' ? use.in : use.out;
    let cost = 0;
    for (const id of other) cost += related(id) ? COST.PORT_CONFLICT / 4 : COST.PORT_CONFLICT;
    let sibling = false;
    for (const id of same) {
      if (related(id)) sibling = true;
      else cost += COST.PORT_SHARED;
    }
    if (sibling) cost += COST.PORT_SIBLING;
    return cost;
  }

  commit(id, result) {
    const { cells, start, goal } = result;
    const record = { edges: [], points: [], ports: [[start.key, 'out'], [goal.key, 'in']] };
    const nx = this.nx;
    const add = (map, key) => {
      if (!map.has(key)) map.set(key, new Set());
      map.get(key).add(id);
      return key;
    };
    for (let k = 0; k < cells.length; k++) {
      const p = cells[k];
      record.points.push(['points', add(this.points, p)]);
      if (k + 1 < cells.length) {
        const q = cells[k + 1];
        if (Math.floor(p / nx) === Math.floor(q / nx)) record.edges.push(['H', add(this.useH, Math.floor(p / nx) * nx + Math.min(p % nx, q % nx))]);
        else record.edges.push(['V', add(this.useV, Math.min(Math.floor(p / nx), Math.floor(q / nx)) * nx + (p % nx))]);
      }
      if (k > 0 && k + 1 < cells.length) {
        const a = cells[k - 1], b = cells[k + 1];
        const rowA = Math.floor(a / nx), rowB = Math.floor(b / nx);
        if (rowA === Math.floor(p / nx) && rowB === rowA) record.points.push(['passH', add(this.passH, p)]);
        if (a % nx === p % nx && b % nx === p % nx) record.points.push(['passV', add(this.passV, p)]);
      }
    }
    for (const [key, role] of record.ports) {
      if (!this.ports.has(key)) this.ports.set(key, { in: new Set(), out: new Set() });
      this.ports.get(key)[role].add(id);
    }
    this.routes.set(id, record);
  }

  remove(id) {
    const record = this.routes.get(id);
    if (!record) return;
    const maps = { H: this.useH, V: this.useV, points: this.points, passH: this.passH, passV: this.passV };
    for (const [kind, key] of [...record.edges, ...record.points]) {
      const set = maps[kind].get(key);
      if (set) {
        set.delete(id);
        if (!set.size) maps[kind].delete(key);
      }
    }
    for (const [key, role] of record.ports) this.ports.get(key)[role].delete(id);
    this.routes.delete(id);
  }
}

// ---------------------------------------------------------------------------
// one container (a process or an expanded sub-process): columns, rows, flows

class Layout {
  constructor(definitions, texts) {
    this.definitions = definitions;
    this.texts = texts;
    this.shapes = new Map(); // id -> { bo, kind, x, y, w, h, expanded, container, label }
    this.edges = new Map(); // id -> { bo, points, label }
    this.warnings = [];
  }

  /** Texts to measure for a container and everything in it. */
  collectTexts(container) {
    for (const e of container.flowElements || []) {
      const name = e.name ? String(e.name) : '';
      if (!name) {
        if (isSubProcessType(e.$type)) this.collectTexts(e);
        continue;
      }
      if (hasExternalLabel(e)) {
        this.texts.want(name, C.LABEL_WRAP, 'external');
        this.texts.want(name, 2000, 'external');
      } else if (isSubProcessType(e.$type)) {
        this.texts.want(name, 2000, 'embedded');
        this.collectTexts(e);
      } else if (isFlowNodeType(e.$type)) {
        for (const w of TASK_WIDTHS) this.texts.want(name, w, 'embedded');
      }
    }
  }

  /**
   * Width of a task: the name on one or two lines; when the task has a type
   * icon in its top left corner, the first of two lines must clear the icon.
   */
  taskSize(bo) {
    const name = String(bo.name || '');
    if (!name) return { w: 100, h: 80 };
    const icon = /(User|Service|BusinessRule|Send|Receive|Script|Manual)Task$/.test(bo.$type);
    for (const w of TASK_WIDTHS) {
      const r = this.texts.get(name, w, 'embedded');
      if (r.lines.length === 1) return { w, h: 80 };
      if (r.lines.length === 2 && (!icon || r.lineWidths[0] <= w - 2 * 20)) return { w, h: 80 };
    }
    // two lines that would touch the icon: a taller box moves them below it
    for (const w of TASK_WIDTHS) if (this.texts.get(name, w, 'embedded').lines.length <= 2) return { w, h: icon ? 90 : 80 };
    return { w: TASK_WIDTHS[TASK_WIDTHS.length - 1], h: 100 };
  }

  /**
   * Lays out a container (a process with its lanes, or a sub-process): gives
   * its nodes their size, column, lane and row, registers their shapes in
   * local coordinates (moved into place later by `shift`), and returns the
   * block: its size and what `routeBlock` needs to route its flows.
   */
  layoutContainer(container, lanes, isProcess) {
    const elements = container.flowElements || [];
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    const boundaries = elements.filter((e) => e.$type === 'bpmn:BoundaryEvent');
    const eventSubs = elements.filter((e) => isSubProcessType(e.$type) && e.triggeredByEvent);
    const nodes = elements.filter((e) => isFlowNodeType(e.$type) && e.$type !== 'bpmn:BoundaryEvent' && !eventSubs.includes(e));

    // sizes (expanded sub-processes first: their content decides their size)
    const size = new Map();
    for (const n of nodes) {
      const kind = kindOf(n);
      if (kind === 'subprocess') {
        const inner = this.layoutSubProcess(n);
        size.set(n, { w: inner.w, h: inner.h, inner });
      } else if (kind === 'gateway') size.set(n, { w: 50, h: 50 });
      else if (kind === 'event') size.set(n, { w: 36, h: 36 });
      else size.set(n, this.taskSize(n));
    }

    // graph
    const hostOf = new Map(boundaries.map((b) => [b, b.attachedToRef]));
    const out = new Map(nodes.map((n) => [n, []]));
    const inc = new Map(nodes.map((n) => [n, []]));
    const graphEdges = [];
    for (const f of flows) {
      let s = f.sourceRef, t = f.targetRef;
      const viaBoundary = hostOf.has(s);
      if (viaBoundary) s = hostOf.get(s);
      if (!out.has(s) || !inc.has(t)) continue;
      const e = { flow: f, from: s, to: t, boundary: viaBoundary, back: false };
      graphEdges.push(e);
      out.get(s).push(e);
      inc.get(t).push(e);
    }
    const boundaryTarget = (n) => inc.get(n).length > 0 && inc.get(n).every((e) => e.boundary);

    // 1. back edges (depth-first from the start events, flows in file order)
    const state = new Map();
    const visit = (n) => {
      state.set(n, 1);
      for (const e of out.get(n)) {
        const s = state.get(e.to) || 0;
        if (s === 1) e.back = true;
        else if (s === 0) visit(e.to);
      }
      state.set(n, 2);
    };
    const roots = nodes.filter((n) => inc.get(n).length === 0);
    roots.sort((a, b) => (a.$type === 'bpmn:StartEvent' ? 0 : 1) - (b.$type === 'bpmn:StartEvent' ? 0 : 1));
    roots.forEach((n) => state.get(n) || visit(n));
    nodes.forEach((n) => state.get(n) || visit(n));

    // 2. columns: longest path; a wide node spans several columns
    const minLen = (e) => (e.boundary ? 0 : Math.max(1, Math.ceil((size.get(e.from).w + C.GAP) / 160)));
    const rank = new Map(nodes.map((n) => [n, 0]));
    const indeg = new Map(nodes.map((n) => [n, inc.get(n).filter((e) => !e.back).length]));
    const queue = nodes.filter((n) => indeg.get(n) === 0);
    const topo = [];
    while (queue.length) {
      const n = queue.shift();
      topo.push(n);
      for (const e of out.get(n)) {
        if (e.back) continue;
        rank.set(e.to, Math.max(rank.get(e.to), rank.get(n) + minLen(e)));
        indeg.set(e.to, indeg.get(e.to) - 1);
        if (indeg.get(e.to) === 0) queue.push(e.to);
      }
    }
    // depth: longest way to an end, to tell the main path from side branches
    const depth = new Map();
    for (const n of [...topo].reverse()) {
      let d = 0;
      for (const e of out.get(n)) if (!e.back && !e.boundary) d = Math.max(d, 1 + (depth.get(e.to) || 0));
      depth.set(n, d);
    }
    // priority: depth-first order, deepest branch first
    const order = new Map();
    const seen = new Set();
    const walk = (n) => {
      if (seen.has(n)) return;
      seen.add(n);
      order.set(n, order.size);
      const next = out.get(n).filter((e) => !e.back && !e.boundary)
        .sort((a, b) => (depth.get(b.to) || 0) - (depth.get(a.to) || 0));
      next.forEach((e) => walk(e.to));
    };
    roots.forEach(walk);
    nodes.forEach(walk);

    // 3. lanes and rows
    const bandLanes = lanes.length ? lanes : [null];
    const laneOf = new Map();
    lanes.forEach((lane, i) => (lane.flowNodeRef || []).forEach((ref) => laneOf.set(ref, i)));
    const laneIndex = (n) => (laneOf.has(n) ? laneOf.get(n) : lanes.length ? lanes.length - 1 : 0);
    const span = (n) => {
      const s = out.get(n).filter((e) => !e.back && !e.boundary).map(minLen);
      return s.length ? Math.min(...s) : Math.max(1, Math.ceil((size.get(n).w + C.GAP) / 160));
    };
    const occupied = bandLanes.map(() => []); // [lane][row] = Set(columns)
    const free = (lane, row, col, cols) => {
      const used = occupied[lane][row];
      if (!used) return true;
      for (let c = col; c < col + cols; c++) if (used.has(c)) return false;
      return true;
    };
    const take = (lane, row, col, cols) => {
      while (occupied[lane].length <= row) occupied[lane].push(new Set());
      for (let c = col; c < col + cols; c++) occupied[lane][row].add(c);
    };
    const rowOf = new Map();
    const place = (n, preferred) => {
      const lane = laneIndex(n), col = rank.get(n), cols = size.get(n).inner ? span(n) : 1;
      let row = preferred;
      while (!free(lane, row, col, cols)) row++;
      take(lane, row, col, cols);
      rowOf.set(n, row);
      // the end events of its boundary events go right below it
      for (const e of out.get(n)) {
        if (!e.boundary || rowOf.has(e.to) || !boundaryTarget(e.to)) continue;
        place(e.to, laneIndex(e.to) === lane ? row + 1 : 0);
      }
    };
    const sorted = [...nodes].sort((a, b) => rank.get(a) - rank.get(b) || order.get(a) - order.get(b));
    for (const n of sorted) {
      if (rowOf.has(n)) continue;
      if (boundaryTarget(n) && inc.get(n).some((e) => !rowOf.has(e.from))) continue; // placed with its host
      const lane = laneIndex(n);
      const preds = inc.get(n).filter((e) => !e.back && rowOf.has(e.from) && laneIndex(e.from) === lane)
        .sort((a, b) => order.get(a.from) - order.get(b.from));
      place(n, preds.length ? rowOf.get(preds[0].from) : 0);
    }
    nodes.forEach((n) => rowOf.has(n) || place(n, 0));

    // 4. coordinates: columns
    const maxRank = Math.max(0, ...nodes.map((n) => rank.get(n)));
    const colW = new Array(maxRank + 1).fill(0);
    const gap = new Array(maxRank + 1).fill(C.GAP);
    for (const n of nodes) {
      const s = size.get(n);
      if (s.inner) continue;
      let w = s.w;
      if (n.name && hasExternalLabel(n)) w = Math.max(w, Math.min(this.texts.label(String(n.name)).w, C.LABEL_WRAP));
      colW[rank.get(n)] = Math.max(colW[rank.get(n)], w);
    }
    for (const e of graphEdges) {
      if (e.back || e.boundary || !e.flow.name) continue;
      const r = rank.get(e.from);
      if (rank.get(e.to) === r + 1 && laneIndex(e.from) === laneIndex(e.to) && rowOf.get(e.from) === rowOf.get(e.to)) {
        gap[r] = Math.max(gap[r], this.texts.label(String(e.flow.name)).w + 50);
      }
    }
    // after a gateway that splits the flow: room for the branches and their names
    for (const n of nodes) {
      if (kindOf(n) === 'gateway' && out.get(n).filter((e) => !e.back).length > 1) gap[rank.get(n)] = Math.max(gap[rank.get(n)], 80);
    }
    const left = isProcess ? 0 : C.SUB_PAD_X;
    const colX = [];
    let x = left;
    for (let c = 0; c <= maxRank; c++) {
      // room for wide nodes that started in earlier columns
      for (const n of nodes) {
        const s = size.get(n);
        if (!s.inner) continue;
        const r = rank.get(n), sp = span(n);
        if (r < c && r + sp === c) x = Math.max(x, colX[r] + s.w + C.GAP);
      }
      colX[c] = x;
      x += colW[c] + (colW[c] ? gap[c] : 0);
    }
    let right = x - (colW[maxRank] ? gap[maxRank] : 0);
    for (const n of nodes) {
      const s = size.get(n);
      if (s.inner) right = Math.max(right, colX[rank.get(n)] + s.w);
    }
    const centerX = (n) => {
      const s = size.get(n);
      return s.inner ? colX[rank.get(n)] + s.w / 2 : colX[rank.get(n)] + colW[rank.get(n)] / 2;
    };

    // rows
    const rowTop = isProcess ? C.ROW_TOP : C.SUB_ROW_TOP;
    const rowBottom = isProcess ? C.ROW_BOTTOM : C.SUB_ROW_BOTTOM;
    const laneRows = bandLanes.map((_, l) => Math.max(1, occupied[l].length));
    const rowHeight = bandLanes.map((_, l) => new Array(laneRows[l]).fill(36));
    for (const n of nodes) {
      const l = laneIndex(n), r = rowOf.get(n);
      rowHeight[l][r] = Math.max(rowHeight[l][r], size.get(n).h);
    }
    // the first row of a lane is at least as high as a task, so that lanes look alike
    if (isProcess) rowHeight.forEach((rows) => (rows[0] = Math.max(rows[0], 80)));
    const top = isProcess ? 0 : C.SUB_HEADER;
    const laneY = [], laneH = [], rowY = bandLanes.map(() => []);
    let y = top;
    bandLanes.forEach((lane, l) => {
      laneY[l] = y;
      let h = 0;
      for (let r = 0; r < laneRows[l]; r++) {
        rowY[l][r] = y + h + rowTop + rowHeight[l][r] / 2; // centre line of the row
        h += rowTop + rowHeight[l][r] + rowBottom;
      }
      if (lane && lane.name) h = Math.max(h, this.texts.get(String(lane.name), 2000, 'embedded').width + 30);
      h = Math.max(h, isProcess ? C.MIN_LANE : 0);
      // centre the rows when the lane is taller than they need
      const used = rowY[l].length ? rowTop + rowHeight[l].reduce((a, b) => a + b + rowTop + rowBottom, 0) - rowTop : 0;
      const slack = h - used;
      if (slack > 0) rowY[l] = rowY[l].map((v) => v + slack / 2);
      laneH[l] = h;
      y += h;
    });
    // shapes
    const satelliteOf = new Map();
    for (const e of graphEdges) if (e.boundary && boundaryTarget(e.to)) satelliteOf.set(e.to, e.from);
    const cyOf = new Map();
    for (const n of nodes) {
      let cy = rowY[laneIndex(n)][rowOf.get(n)];
      const host = satelliteOf.get(n);
      if (host && laneIndex(host) === laneIndex(n) && rowOf.get(host) < rowOf.get(n)) {
        // an end event of a boundary timer: close below its host
        const hostBottom = rowY[laneIndex(host)][rowOf.get(host)] + size.get(host).h / 2;
        cy = Math.min(cy, hostBottom + 18 + 42 + size.get(n).h / 2);
      }
      cyOf.set(n, cy);
    }
    // a lane ends below its lowest shape (and the name under it)
    const hosts = new Set(boundaries.map((b) => b.attachedToRef));
    let moveUp = 0;
    bandLanes.forEach((lane, l) => {
      laneY[l] -= moveUp;
      rowY[l] = rowY[l].map((v) => v - moveUp);
      let lowest = laneY[l];
      for (const n of nodes) {
        if (laneIndex(n) !== l) continue;
        const cy = cyOf.get(n) - moveUp;
        cyOf.set(n, cy);
        let bottom = cy + size.get(n).h / 2;
        if (n.name && hasExternalLabel(n)) bottom += 8 + this.texts.label(String(n.name)).h;
        if (hosts.has(n)) bottom += 18 + 20;
        lowest = Math.max(lowest, bottom);
      }
      let h = lowest - laneY[l] + (isProcess ? 30 : 12);
      if (lane && lane.name) h = Math.max(h, this.texts.get(String(lane.name), 2000, 'embedded').width + 30);
      h = Math.max(h, isProcess ? C.MIN_LANE : 0);
      if (h < laneH[l]) {
        moveUp += laneH[l] - h;
        laneH[l] = h;
      }
    });
    const lanesBottom = y - moveUp;
    for (const n of nodes) {
      const s = size.get(n);
      const cx = centerX(n), cy = cyOf.get(n);
      this.addShape(n, cx - s.w / 2, cy - s.h / 2, s.w, s.h, { inner: s.inner, rank: rank.get(n), lane: laneIndex(n), row: rowOf.get(n) });
    }
    // boundary events on the bottom edge of their host
    const byHost = new Map();
    for (const b of boundaries) {
      if (!byHost.has(b.attachedToRef)) byHost.set(b.attachedToRef, []);
      byHost.get(b.attachedToRef).push(b);
    }
    for (const [host, list] of byHost) {
      const hs = this.shapes.get(host.id);
      if (!hs) continue;
      list.forEach((b, i) => {
        const cx = list.length === 1 ? hs.x + hs.w / 2 : hs.x + (hs.w * (i + 1)) / (list.length + 1);
        // a target straight below: put the event above it
        const target = (b.outgoing || [])[0] && this.shapes.get(b.outgoing[0].targetRef.id);
        const x = target && list.length === 1 && Math.abs(target.x + target.w / 2 - cx) < hs.w / 2 ? target.x + target.w / 2 : cx;
        this.addShape(b, x - 18, hs.y + hs.h - 18, 36, 36, { host: hs });
      });
    }

    // event sub-processes: a band below the lanes
    let bandH = 0;
    let bandRight = left;
    if (eventSubs.length) {
      let bx = left;
      let maxH = 0;
      for (const esp of eventSubs) {
        const inner = this.layoutSubProcess(esp);
        this.addShape(esp, bx, lanesBottom + C.BAND_PAD, inner.w, inner.h, { inner, band: true });
        bx += inner.w + C.BAND_GAP;
        maxH = Math.max(maxH, inner.h);
      }
      bandRight = bx - C.BAND_GAP;
      bandH = maxH + 2 * C.BAND_PAD;
    }
    right = Math.max(right, bandRight);
    const width = right + (isProcess ? C.PAD_RIGHT : C.SUB_PAD_X);
    const height = lanesBottom + bandH + (isProcess ? 0 : 5);

    return {
      w: width, h: height, nodes, flows, boundaries, eventSubs, laneY, laneH, lanesBottom, bandH,
      rank, rowOf, laneIndex, graphEdges, colX, colW, rowY, rowTop, rowBottom, left, right, top, isProcess, container
    };
  }

  layoutSubProcess(sp) {
    const block = this.layoutContainer(sp, [], false);
    let w = block.w, h = block.h;
    if (sp.name) w = Math.max(w, this.texts.get(String(sp.name), 2000, 'embedded').width + 40);
    const inner = { block, w: Math.round(w), h: Math.round(h) };
    return inner;
  }

  addShape(bo, x, y, w, h, extra = {}) {
    this.shapes.set(bo.id, { bo, kind: kindOf(bo), x, y, w, h, ...extra });
  }

  /** Moves a container's content (recursively) by dx, dy. */
  shift(block, dx, dy) {
    const moveShape = (bo) => {
      const s = this.shapes.get(bo.id);
      if (!s) return;
      s.x += dx;
      s.y += dy;
    };
    block.nodes.forEach(moveShape);
    block.boundaries.forEach(moveShape);
    block.eventSubs.forEach(moveShape);
    block.offset = [(block.offset || [0, 0])[0] + dx, (block.offset || [0, 0])[1] + dy];
  }

  /** After all shapes have their final place: routes the flows of a block and its sub-processes. */
  routeBlock(block, area) {
    // inner blocks first (their flows are obstacles for nothing outside)
    for (const n of [...block.nodes, ...block.eventSubs]) {
      const s = this.shapes.get(n.id);
      if (s && s.inner) {
        const header = C.SUB_HEADER;
        this.routeBlock(s.inner.block, rect(s.x + 4, s.y + header - 6, s.w - 8, s.h - header + 2));
      }
    }
    const [ox, oy] = block.offset || [0, 0];
    const shapesHere = [...block.nodes, ...block.boundaries, ...block.eventSubs].map((n) => this.shapes.get(n.id)).filter(Boolean);
    const hard = shapesHere.map((s) => inflate(rect(s.x, s.y, s.w, s.h), C.INFLATE));
    if (block.bandH) hard.push(rect(area.x, oy + block.lanesBottom + 2, area.w, block.bandH + 1000));
    // default places of labels: better not crossed
    const soft = [];
    for (const s of shapesHere) {
      const name = s.bo.name ? String(s.bo.name) : '';
      if (!name || !hasExternalLabel(s.bo)) continue;
      const t = this.texts.label(name);
      if (s.kind === 'event') soft.push({ r: rect(s.x + s.w / 2 - t.w / 2, s.y + s.h + 4, t.w, t.h + 2), cost: COST.SOFT });
      if (s.kind === 'gateway') soft.push({ r: rect(s.x + s.w / 2 - t.w / 2, s.y - 6 - t.h, t.w, t.h + 2), cost: COST.SOFT });
      if (s.kind === 'boundary') soft.push({ r: rect(s.x + s.w + 2, s.y + 18, t.w + 4, t.h), cost: COST.SOFT });
    }
    // candidate lines
    const xs = [], ys = [];
    const must = (list, v) => list.push({ v, must: true });
    const opt = (list, v) => list.push({ v, must: false });
    for (const s of shapesHere) {
      must(xs, s.x + s.w / 2);
      must(ys, s.y + s.h / 2);
      must(xs, s.x - C.STUB);
      must(xs, s.x + s.w + C.STUB);
      must(ys, s.y - C.STUB);
      must(ys, s.y + s.h + C.STUB);
      opt(xs, s.x - C.INFLATE);
      opt(xs, s.x + s.w + C.INFLATE);
      opt(ys, s.y - C.INFLATE);
      opt(ys, s.y + s.h + C.INFLATE);
      for (const f of [0.5, 1, 1.5, 2, 3]) {
        opt(ys, s.y - C.STUB * f - 10);
        opt(ys, s.y + s.h + C.STUB * f + 10);
      }
    }
    // gaps between columns
    for (let c = 0; c < block.colX.length; c++) {
      const x0 = ox + block.colX[c] + block.colW[c];
      const x1 = c + 1 < block.colX.length ? ox + block.colX[c + 1] : x0 + C.GAP;
      const mid = (x0 + x1) / 2;
      opt(xs, mid);
      for (let k = 1; k <= 3; k++) {
        if (mid - 12 * k > x0 + 8) opt(xs, mid - 12 * k);
        if (mid + 12 * k < x1 - 8) opt(xs, mid + 12 * k);
      }
    }
    opt(xs, area.x + 12);
    opt(xs, area.x + area.w - 12);
    // lanes: channels near their borders and between rows
    block.laneY.forEach((ly, l) => {
      const y0 = oy + ly, y1 = oy + ly + block.laneH[l];
      for (let k = 1; k <= 4; k++) {
        opt(ys, y0 + 10 * k + 4);
        opt(ys, y1 - 10 * k - 4);
      }
      (block.rowY[l] || []).forEach((ry, r) => {
        if (r === 0) return;
        const mid = (oy + block.rowY[l][r - 1] + oy + ry) / 2;
        opt(ys, mid);
        opt(ys, mid - 12);
        opt(ys, mid + 12);
      });
    });
    const router = new Router(area, hard, soft, xs, ys);

    // the flows of this block, easiest first
    const edges = block.graphEdges.filter((e) => this.shapes.has(e.flow.sourceRef.id) && this.shapes.has(e.flow.targetRef.id));
    const laneRowY = (n) => this.shapes.get(n.id).y + this.shapes.get(n.id).h / 2;
    const difficulty = (e) => {
      if (e.boundary) return -1;
      const s = this.shapes.get(e.from.id), t = this.shapes.get(e.to.id);
      const dy = Math.abs(laneRowY(e.from) - laneRowY(e.to));
      const dr = block.rank.get(e.to) - block.rank.get(e.from);
      if (dy < 1 && dr >= 1 && t.x > s.x) return dr;
      return (e.back ? 10000 : 100) + dr * 10 + dy / 10;
    };
    edges.sort((a, b) => difficulty(a) - difficulty(b));
    const routeOne = (e) => {
      const f = e.flow;
      const src = this.shapes.get(f.sourceRef.id), tgt = this.shapes.get(f.targetRef.id);
      const related = (otherId) => {
        const o = this.edges.get(otherId);
        if (!o) return false;
        return o.bo.sourceRef === f.sourceRef || o.bo.targetRef === f.targetRef;
      };
      const result = router.route(f.id, this.ports(src, 'out', e, block), this.ports(tgt, 'in', e, block), related);
      if (!result) {
        this.warnings.push(`no route for ${f.id}; drawn as a straight connection`);
        const a = [src.x + src.w, src.y + src.h / 2], b = [tgt.x, tgt.y + tgt.h / 2];
        this.edges.set(f.id, { bo: f, points: simplify([a, [(a[0] + b[0]) / 2, a[1]], [(a[0] + b[0]) / 2, b[1]], b]) });
        return;
      }
      router.commit(f.id, result);
      this.edges.set(f.id, { bo: f, points: result.points });
    };
    edges.forEach(routeOne);
    // second and third pass: every flow again, now that it knows all others
    for (let pass = 0; pass < 2; pass++) {
      for (const e of edges) {
        if (e.boundary) continue;
        router.remove(e.flow.id);
        this.edges.delete(e.flow.id);
        routeOne(e);
      }
    }
  }

  /** Where a flow may leave (role 'out') or enter ('in') a shape. */
  ports(s, role, e, block) {
    const cx = s.x + s.w / 2, cy = s.y + s.h / 2;
    const all = {
      right: { port: [s.x + s.w, cy], stub: [s.x + s.w + C.STUB, cy] },
      left: { port: [s.x, cy], stub: [s.x - C.STUB, cy] },
      top: { port: [cx, s.y], stub: [cx, s.y - C.STUB] },
      bottom: { port: [cx, s.y + s.h], stub: [cx, s.y + s.h + C.STUB] }
    };
    let penalty;
    if (s.kind === 'boundary') {
      penalty = { bottom: 0, left: 150, right: 150 };
    } else if (s.kind === 'gateway') {
      penalty = role === 'out' ? { right: 0, top: 12, bottom: 12, left: 400 } : { left: 0, top: 12, bottom: 12, right: 400 };
    } else if (s.kind === 'event') {
      penalty = role === 'out' ? { right: 0, top: 60, bottom: 60 } : { left: 0, top: 25, bottom: 25 };
      if (role === 'in' && e && e.boundary) penalty = { top: 0, left: 10 };
    } else {
      penalty = role === 'out' ? { right: 0, top: 70, bottom: 70 } : { left: 0, top: 45, bottom: 45 };
    }
    // no flow where a boundary event sits
    for (const b of block.boundaries) {
      if (b.attachedToRef !== s.bo) continue;
      delete penalty.bottom;
    }
    const result = [];
    for (const [side, p] of Object.entries(penalty)) {
      const a = all[side];
      const outward = SIDE_DIR[side];
      result.push({
        side,
        key: `${s.bo.id}:${side}`,
        port: a.port.map(Math.round),
        stub: a.stub.map(Math.round),
        dir: role === 'out' ? outward : (outward + 2) % 4,
        cost: p + C.STUB
      });
    }
    return result;
  }
}

// ---------------------------------------------------------------------------
// labels

class LabelPlacer {
  constructor(areas) {
    this.areas = areas; // a label lies inside one of these
    this.obstacles = []; // { r, kind }
  }

  add(r, kind) {
    this.obstacles.push({ r, kind });
  }

  collisions(box) {
    let n = 0;
    for (const o of this.obstacles) if (overlaps(box, o.r)) n++;
    return n;
  }

  inside(box) {
    return this.areas.some((a) => box.x >= a.x && box.y >= a.y && box.x + box.w <= a.x + a.w && box.y + box.h <= a.y + a.h);
  }

  /** Picks the first free candidate ({ box, score }); else the least bad one. */
  choose(candidates) {
    let best = null;
    for (const c of candidates) {
      const r = rect(Math.round(c.box.x), Math.round(c.box.y), c.box.w, c.box.h);
      const hits = this.collisions(inflate(r, 3)) + (this.inside(r) ? 0 : 5);
      const score = hits * 10000 + c.score;
      if (!best || score < best.score) best = { box: r, score, hits };
    }
    return best;
  }
}

// ---------------------------------------------------------------------------
// the whole file

function leafLanes(process) {
  const result = [];
  const walk = (laneSet) => {
    for (const lane of (laneSet && laneSet.lanes) || []) {
      if (lane.childLaneSet && (lane.childLaneSet.lanes || []).length) walk(lane.childLaneSet);
      else result.push(lane);
    }
  };
  (process.laneSets || []).forEach(walk);
  return result;
}

/**
 * Computes a drawing for the first process of a BPMN file (in its pool, if a
 * collaboration has one). Returns { shapes, edges, participant, lanes,
 * collaboration, process, warnings }.
 */
export async function computeLayout(xml, { measure } = {}) {
  const moddle = new BpmnModdle();
  const { rootElement: definitions, warnings: readWarnings } = await moddle.fromXML(xml);
  const roots = definitions.rootElements || [];
  const collaboration = roots.find((e) => e.$type === 'bpmn:Collaboration');
  const processes = roots.filter((e) => e.$type === 'bpmn:Process');
  const participant = collaboration && (collaboration.participants || []).find((p) => p.processRef && processes.includes(p.processRef));
  const process = participant ? participant.processRef : processes[0];
  if (!process) throw new Error('no process in the file');

  const texts = new Texts(measure);
  const layout = new Layout(definitions, texts);
  layout.collectTexts(process);
  const lanes = leafLanes(process);
  for (const lane of lanes) if (lane.name) texts.want(String(lane.name), 2000, 'embedded');
  if (participant && participant.name) texts.want(String(participant.name), 2000, 'embedded');
  await texts.load();

  const block = layout.layoutContainer(process, lanes, true);
  const headers = participant ? C.POOL_HEADER + (lanes.length ? C.LANE_HEADER : 0) : 0;
  const originX = C.ORIGIN_X, originY = C.ORIGIN_Y;
  const contentX = originX + headers + C.PAD_LEFT;
  layout.shift(block, contentX, originY);
  let poolH = block.lanesBottom + block.bandH;
  if (participant && participant.name) poolH = Math.max(poolH, texts.get(String(participant.name), 2000, 'embedded').width + 40);
  const poolW = headers + C.PAD_LEFT + block.w;

  // sub-processes: their content moves with them
  const placeInner = (b) => {
    for (const n of [...b.nodes, ...b.eventSubs]) {
      const s = layout.shapes.get(n.id);
      if (s && s.inner) {
        layout.shift(s.inner.block, s.x, s.y);
        placeInner(s.inner.block);
      }
    }
  };
  placeInner(block);

  const laneBoxes = lanes.map((lane, l) => ({ bo: lane, x: originX + C.POOL_HEADER, y: originY + block.laneY[l], w: poolW - C.POOL_HEADER, h: block.laneH[l] }));
  // the last lane reaches the band (or the bottom of the pool)
  if (laneBoxes.length && !block.bandH) laneBoxes[laneBoxes.length - 1].h = originY + poolH - laneBoxes[laneBoxes.length - 1].y;
  const pool = participant ? { bo: participant, x: originX, y: originY, w: poolW, h: poolH } : null;

  const area = pool
    ? rect(contentX - C.PAD_LEFT + 8, originY + 4, originX + poolW - 8 - (contentX - C.PAD_LEFT + 8), block.lanesBottom - 8)
    : rect(contentX - C.PAD_LEFT, originY - 40, block.w + C.PAD_LEFT + 40, block.lanesBottom + 80);
  layout.routeBlock(block, area);

  placeLabels(layout, { pool, laneBoxes, contentX, originX, originY, poolW, poolH });
  checkDrawing(layout);

  return {
    definitions, collaboration: participant ? collaboration : null, participant, process, pool, laneBoxes,
    shapes: layout.shapes, edges: layout.edges,
    warnings: [...(readWarnings || []).map((w) => String(w.message || w)), ...layout.warnings]
  };
}

function placeLabels(layout, { pool, laneBoxes, contentX, originX, originY, poolW, poolH }) {
  const texts = layout.texts;
  // where labels may go: inside the pool, right of the headers
  const right = originX + poolW;
  const placer = new LabelPlacer(pool
    ? [rect(contentX - C.PAD_LEFT + 4, originY + 2, right - (contentX - C.PAD_LEFT + 4) - 2, poolH - 4)]
    : [rect(-1e6, -1e6, 2e6, 2e6)]);
  // shapes
  for (const s of layout.shapes.values()) {
    if (s.inner) {
      // an expanded sub-process: its border and its name
      const t = 3;
      placer.add(rect(s.x - t, s.y - t, s.w + 2 * t, 2 * t), 'border');
      placer.add(rect(s.x - t, s.y + s.h - t, s.w + 2 * t, 2 * t), 'border');
      placer.add(rect(s.x - t, s.y - t, 2 * t, s.h + 2 * t), 'border');
      placer.add(rect(s.x + s.w - t, s.y - t, 2 * t, s.h + 2 * t), 'border');
      if (s.bo.name) {
        const tw = texts.get(String(s.bo.name), 2000, 'embedded').width;
        placer.add(rect(s.x + s.w / 2 - tw / 2 - 2, s.y + 3, tw + 4, 18), 'name');
      }
      if (s.bo.loopCharacteristics) placer.add(rect(s.x + s.w / 2 - 10, s.y + s.h - 24, 20, 22), 'marker');
    } else {
      placer.add(inflate(rect(s.x, s.y, s.w, s.h), 2), 'shape');
    }
  }
  // lane borders
  for (const l of laneBoxes) {
    placer.add(rect(l.x, l.y - 1, l.w, 2), 'lane');
    placer.add(rect(l.x, l.y + l.h - 1, l.w, 2), 'lane');
  }
  // flows
  for (const e of layout.edges.values()) {
    for (let k = 0; k + 1 < e.points.length; k++) {
      const r = segRect(e.points[k], e.points[k + 1]);
      placer.add(inflate(r, 1), 'flow');
    }
  }

  const labelItems = [];
  for (const s of layout.shapes.values()) {
    if (s.bo.name && hasExternalLabel(s.bo)) labelItems.push({ kind: 'shape', s });
  }
  for (const e of layout.edges.values()) if (e.bo.name) labelItems.push({ kind: 'flow', e });
  // boundary events and gateways have the fewest good places: first
  const prio = (it) => (it.kind === 'shape' ? (it.s.kind === 'boundary' ? 0 : it.s.kind === 'gateway' ? 1 : 2) : 3);
  labelItems.sort((a, b) => prio(a) - prio(b));

  for (const item of labelItems) {
    const name = String((item.s || item.e).bo.name);
    const wrapped = texts.label(name, C.LABEL_WRAP);
    const single = texts.label(name, 2000);
    const cands = item.kind === 'shape' ? shapeLabelCandidates(item.s, wrapped, single, layout) : flowLabelCandidates(item.e, wrapped, single, [...layout.edges.values()]);
    const best = placer.choose(cands);
    if (best.hits) layout.warnings.push(`label of ${(item.s || item.e).bo.id} "${name}" could not be placed without touching something`);
    const target = item.s || item.e;
    target.label = best.box;
    placer.add(best.box, 'label');
  }
}

function shapeLabelCandidates(s, wrapped, single, layout) {
  const cx = s.x + s.w / 2, cy = s.y + s.h / 2;
  const out = [];
  const add = (t, x, y, score) => out.push({ box: rect(x, y, t.w, t.h), score });
  if (s.kind === 'boundary') {
    const hostBottom = s.host ? s.host.y + s.host.h : cy;
    add(single, s.x + s.w + 6, hostBottom + 6, 0);
    add(single, cx + 7, s.y + s.h + 7, 5);
    add(single, s.x - 6 - single.w, hostBottom + 6, 10);
    add(single, cx - 7 - single.w, s.y + s.h + 7, 15);
    add(single, s.x + s.w + 6, hostBottom + 14, 20);
    return out;
  }
  const gap = 6;
  const sets = [[wrapped, 0], [single, 3]];
  for (const [t, extra] of sets) {
    if (s.kind === 'gateway') {
      add(t, cx - t.w / 2, s.y - gap - t.h, 0 + extra);
      add(t, cx - t.w / 2, s.y + s.h + gap, 10 + extra);
      add(t, s.x - 2 - t.w, s.y - 2 - t.h, 20 + extra); // above left
      add(t, s.x + s.w + 2, s.y - 2 - t.h, 22 + extra); // above right
      add(t, s.x - 2 - t.w, s.y + s.h + 2, 24 + extra); // below left
      add(t, s.x + s.w + 2, s.y + s.h + 2, 26 + extra); // below right
      add(t, s.x - gap - t.w, cy - t.h / 2, 40 + extra);
      add(t, s.x + s.w + gap, cy - t.h / 2, 42 + extra);
    } else {
      add(t, cx - t.w / 2, s.y + s.h + gap, 0 + extra);
      add(t, cx - t.w / 2, s.y - gap - t.h, 10 + extra);
      add(t, s.x + s.w + gap, cy - t.h / 2, 20 + extra);
      add(t, s.x - gap - t.w, cy - t.h / 2, 22 + extra);
      add(t, s.x + s.w + 2, s.y + s.h + 2, 24 + extra);
      add(t, s.x - 2 - t.w, s.y + s.h + 2, 26 + extra);
      add(t, s.x + s.w + 2, s.y - 2 - t.h, 28 + extra);
      add(t, s.x - 2 - t.w, s.y - 2 - t.h, 30 + extra);
    }
  }
  // further away, in steps
  for (let d = 12; d <= 60; d += 12) {
    add(wrapped, cx - wrapped.w / 2, s.y + s.h + gap + d, 60 + d);
    add(wrapped, cx - wrapped.w / 2, s.y - gap - wrapped.h - d, 62 + d);
  }
  return out;
}

/**
 * The parts of a flow's segments that no other flow runs along (a flow that
 * leaves a gateway together with another one is named where it goes its own way).
 */
function ownParts(e, edges) {
  const parts = [];
  let along = 0;
  for (let k = 0; k + 1 < e.points.length; k++) {
    const [x1, y1] = e.points[k], [x2, y2] = e.points[k + 1];
    const horizontal = y1 === y2;
    const a = horizontal ? x1 : y1, b = horizontal ? x2 : y2, fixed = horizontal ? y1 : x1;
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const taken = [];
    for (const o of edges) {
      if (o === e) continue;
      for (let m = 0; m + 1 < o.points.length; m++) {
        const [u1, v1] = o.points[m], [u2, v2] = o.points[m + 1];
        if (horizontal ? v1 !== v2 || v1 !== fixed : u1 !== u2 || u1 !== fixed) continue;
        const olo = Math.max(lo, Math.min(horizontal ? u1 : v1, horizontal ? u2 : v2));
        const ohi = Math.min(hi, Math.max(horizontal ? u1 : v1, horizontal ? u2 : v2));
        if (ohi > olo) taken.push([olo, ohi]);
      }
    }
    taken.sort((p, q) => p[0] - q[0]);
    let pieces = [[lo, hi]];
    for (const [tlo, thi] of taken) {
      pieces = pieces.flatMap(([plo, phi]) => {
        if (thi <= plo || tlo >= phi) return [[plo, phi]];
        return [[plo, tlo], [thi, phi]].filter(([u, v]) => v - u > 0);
      });
    }
    if (b < a) pieces = pieces.reverse().map(([u, v]) => [v, u]);
    for (const [u, v] of pieces) {
      const p = horizontal ? [u, fixed] : [fixed, u];
      const q = horizontal ? [v, fixed] : [fixed, v];
      // a part that begins where another flow turns away is ambiguous: a name there
      // could be read as the other flow's
      parts.push({ k, p, q, along: along + Math.abs(u - a), mid: u !== a });
    }
    along += hi - lo;
  }
  return parts;
}

function flowLabelCandidates(e, wrapped, single, edges) {
  const out = [];
  for (const { k, p, q, along, mid } of ownParts(e, edges)) {
    const [x1, y1] = p, [x2, y2] = q;
    const len = Math.abs(x2 - x1) + Math.abs(y2 - y1);
    const base = along + k * 15 + (mid ? 400 : 0);
    if (len < 10) continue;
    const add = (t, x, y, score) => out.push({ box: rect(x, y, t.w, t.h), score: base + score });
    const horizontal = y1 === y2;
    const forms = horizontal ? [[single, 0], [wrapped, 8]] : [[wrapped, 0], [single, 8]];
    for (const [t, extra] of forms) {
      if (horizontal) {
        const dir = Math.sign(x2 - x1);
        const lo = Math.min(x1, x2), hi = Math.max(x1, x2);
        // near the start of the segment, in the middle, near its end
        const starts = [dir > 0 ? x1 + 8 : x1 - 8 - t.w, (x1 + x2) / 2 - t.w / 2, dir > 0 ? x2 - 8 - t.w : x2 + 8];
        starts.forEach((x, i) => {
          if (x < lo - t.w / 2 || x + t.w > hi + t.w / 2) return;
          add(t, x, y1 - 5 - t.h, extra + i * 10);
          add(t, x, y1 + 5, extra + 4 + i * 10);
        });
      } else {
        const dir = Math.sign(y2 - y1);
        const starts = [dir > 0 ? y1 + 8 : y1 - 8 - t.h, (y1 + y2) / 2 - t.h / 2, dir > 0 ? y2 - 8 - t.h : y2 + 8];
        starts.forEach((y, i) => {
          if (y < Math.min(y1, y2) - 2 || y + t.h > Math.max(y1, y2) + 2) return;
          add(t, x1 + 6, y, extra + i * 10);
          add(t, x1 - 6 - t.w, y, extra + 4 + i * 10);
        });
      }
    }
  }
  return out;
}

/** Own checks of the result (the renderer checks the drawing again in the browser). */
function checkDrawing(layout) {
  const shapes = [...layout.shapes.values()].filter((s) => !s.inner);
  const edges = [...layout.edges.values()];
  const ends = (e) => [e.bo.sourceRef, e.bo.targetRef].flatMap((bo) => [bo, bo && bo.attachedToRef]).filter(Boolean);
  for (const e of edges) {
    for (const s of shapes) {
      if (ends(e).includes(s.bo)) continue;
      for (let k = 0; k + 1 < e.points.length; k++) {
        if (segHits(e.points[k], e.points[k + 1], inflate(rect(s.x, s.y, s.w, s.h), -1))) {
          layout.warnings.push(`flow ${e.bo.id} passes through ${s.bo.id}`);
          break;
        }
      }
    }
  }
  const along = (p, q, r, t) => {
    const h = p[1] === q[1] && r[1] === t[1] && p[1] === r[1];
    const v = p[0] === q[0] && r[0] === t[0] && p[0] === r[0];
    if (!h && !v) return 0;
    const i = h ? 0 : 1;
    return Math.min(Math.max(p[i], q[i]), Math.max(r[i], t[i])) - Math.max(Math.min(p[i], q[i]), Math.min(r[i], t[i]));
  };
  for (let a = 0; a < edges.length; a++) {
    for (let b = a + 1; b < edges.length; b++) {
      const e = edges[a], f = edges[b];
      if (e.bo.sourceRef === f.bo.sourceRef || e.bo.targetRef === f.bo.targetRef) continue;
      let shared = 0;
      for (let k = 0; k + 1 < e.points.length; k++) {
        for (let m = 0; m + 1 < f.points.length; m++) shared = Math.max(shared, along(e.points[k], e.points[k + 1], f.points[m], f.points[m + 1]));
      }
      if (shared > 1) layout.warnings.push(`flows ${e.bo.id} and ${f.bo.id} share ${Math.round(shared)} px of line`);
    }
  }
}

// ---------------------------------------------------------------------------
// output

const num = (v) => String(Math.round(v));

/** The <bpmndi:BPMNDiagram> element for a computed layout, as text. */
export function diagramXml(result, indent = '  ') {
  const { process, participant, collaboration, pool, laneBoxes, shapes, edges } = result;
  const i1 = indent, i2 = indent.repeat(2), i3 = indent.repeat(3), i4 = indent.repeat(4);
  const lines = [];
  const planeFor = collaboration || process;
  lines.push(`${i1}<bpmndi:BPMNDiagram id="BPMNDiagram_${planeFor.id}">`);
  lines.push(`${i2}<bpmndi:BPMNPlane id="BPMNPlane_${planeFor.id}" bpmnElement="${planeFor.id}">`);
  const bounds = (b) => `<dc:Bounds x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" />`;
  const shape = (id, b, attrs, label) => {
    lines.push(`${i3}<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${attrs}>`);
    lines.push(`${i4}${bounds(b)}`);
    if (label) {
      lines.push(`${i4}<bpmndi:BPMNLabel>`);
      lines.push(`${i4}${indent}${bounds(label)}`);
      lines.push(`${i4}</bpmndi:BPMNLabel>`);
    }
    lines.push(`${i3}</bpmndi:BPMNShape>`);
  };
  if (pool) shape(participant.id, pool, ' isHorizontal="true"');
  for (const l of laneBoxes) shape(l.bo.id, l, ' isHorizontal="true"');
  // shapes in the order of the file
  const walk = (container) => {
    for (const e of container.flowElements || []) {
      const s = shapes.get(e.id);
      if (!s) continue;
      const attrs = s.inner ? ' isExpanded="true"' : e.$type === 'bpmn:ExclusiveGateway' ? ' isMarkerVisible="true"' : '';
      shape(e.id, s, attrs, s.label);
      if (s.inner) walk(e);
    }
  };
  walk(process);
  const walkEdges = (container) => {
    for (const e of container.flowElements || []) {
      if (isSubProcessType(e.$type)) walkEdges(e);
      const edge = edges.get(e.id);
      if (!edge) continue;
      lines.push(`${i3}<bpmndi:BPMNEdge id="${e.id}_di" bpmnElement="${e.id}">`);
      for (const [x, y] of edge.points) lines.push(`${i4}<di:waypoint x="${num(x)}" y="${num(y)}" />`);
      if (edge.label) {
        lines.push(`${i4}<bpmndi:BPMNLabel>`);
        lines.push(`${i4}${indent}${bounds(edge.label)}`);
        lines.push(`${i4}</bpmndi:BPMNLabel>`);
      }
      lines.push(`${i3}</bpmndi:BPMNEdge>`);
    }
  };
  walkEdges(process);
  lines.push(`${i2}</bpmndi:BPMNPlane>`);
  lines.push(`${i1}</bpmndi:BPMNDiagram>`);
  return lines.join('\n') + '\n';
}

/**
 * Inserts a diagram into the text of a BPMN file, just before the closing tag
 * of its root element; nothing else in the text changes.
 */
export function insertDiagram(xml, diagram) {
  const match = /<\/((?:[\w.-]+:)?definitions)\s*>\s*$/.exec(xml);
  if (!match) throw new Error('no closing definitions tag at the end of the file');
  return xml.slice(0, match.index) + diagram + xml.slice(match.index);
}

/** Whether the text of a BPMN file has diagram interchange. */
export function hasDiagram(xml) {
  return /<(?:[\w.-]+:)?BPMNShape\b/.test(xml);
}

/**
 * For render.mjs: the file with a generated drawing (in memory), and whether
 * pool and lanes are drawn.
 */
export async function layoutWithLanes(xml, options = {}) {
  const result = await computeLayout(xml, options);
  const diagram = diagramXml(result);
  // a file without BPMNDI may still have an empty BPMNDiagram: drop it
  const clean = xml.replace(/<((?:[\w.-]+:)?)BPMNDiagram\b[\s\S]*?<\/\1BPMNDiagram>\s*/g, '');
  return { xml: insertDiagram(clean, diagram), lanes: result.laneBoxes.length > 0, warnings: result.warnings, diagram };
}
