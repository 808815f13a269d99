// Fallback drawing for BPMN files that have no diagram interchange (BPMNDI).
//
// bpmn-auto-layout places the flow nodes of the first process on a grid
// (columns follow the flow), but it draws neither the pool nor the lanes. For a
// multi-agency process the lanes (who does what) matter most, so this module
// keeps the columns of that grid, moves every node into a band for its lane,
// re-routes the sequence flows with right angles and adds the pool and lane
// shapes. The result is a plain, readable drawing, not a hand-made one.

import { BpmnModdle } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';

const POOL_HEADER = 30; // width of the vertical title band of the pool
const LANE_HEADER = 30; // and of each lane
const ROW_PITCH = 150; // vertical distance between two rows of nodes
const FIRST_ROW = 100; // from the top of a band to the centre of its first row (room for a channel above it)
const BAND_BOTTOM = 80; // from the centre of a band's last row to its bottom
const COLUMN = 150; // column pitch of bpmn-auto-layout's grid
const LEFT_GAP = 50; // between the lane header and the first node
const RIGHT_GAP = 90; // after the rightmost node (room for end event labels)

const center = (b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const point = (moddle, x, y) => moddle.create('dc:Point', { x: Math.round(x), y: Math.round(y) });

/** Leaf lanes of a process, top to bottom as listed in the file. */
function leafLanes(process) {
  const result = [];
  const walk = (laneSet) => {
    for (const lane of (laneSet && laneSet.lanes) || []) {
      if (lane.childLaneSet && (lane.childLaneSet.lanes || []).length) {
        walk(lane.childLaneSet);
      } else {
        result.push(lane);
      }
    }
  };
  (process.laneSets || []).forEach(walk);
  return result;
}

/**
 * Right-angled waypoints from one shape to another. Long segments run in the
 * channels between rows and between columns, where no node stands, so a flow
 * does not cross the nodes it passes by.
 */
function route(source, target, kind, blocked) {
  const s = source.bounds, t = target.bounds;
  const sc = center(s), tc = center(t);
  const sRow = source.rowY, tRow = target.rowY;
  const sRight = s.x + s.width, sBottom = s.y + s.height;
  const tBottom = t.y + t.height;
  const half = ROW_PITCH / 2;

  if (Math.abs(tc.y - sc.y) < 1 && t.x >= sRight - 1 && kind !== 'boundary' && !blocked(sc.x, tc.x, sc.y)) {
    return [[sRight, sc.y], [t.x, tc.y]]; // straight ahead on the same row
  }
  if (Math.abs(tc.x - sc.x) < 1 && kind !== 'boundary' && !blocked(sc.y, tc.y, sc.x, true)) {
    return tc.y > sc.y ? [[sc.x, sBottom], [tc.x, t.y]] : [[sc.x, s.y], [tc.x, tBottom]];
  }
  const gapBefore = tc.x - COLUMN / 2; // column gap left of the target
  const gapAfter = sc.x + COLUMN / 2; // column gap right of the source
  if (t.x < sc.x) {
    // backwards: along the channel below the lower of the two rows, into the
    // target from below
    const channel = Math.max(sRow, tRow) + half;
    const start = kind === 'node'
      ? [[sRight, sc.y], [gapAfter, sc.y], [gapAfter, channel]]
      : [[sc.x, sBottom], [sc.x, channel]];
    return [...start, [tc.x, channel], [tc.x, tc.y > channel ? t.y : tBottom]];
  }
  const down = tRow > sRow || (tRow === sRow && kind === 'boundary');
  const points = [];
  // leave the source towards the channel next to its row
  const channel = sRow + (down ? half : -half);
  if (kind === 'gateway' || kind === 'boundary') {
    points.push([sc.x, down ? sBottom : s.y], [sc.x, channel]);
  } else {
    points.push([sRight, sc.y], [gapAfter, sc.y], [gapAfter, channel]);
  }
  // along the channel to the gap before the target, then into its left side
  const into = tRow === sRow ? channel : tRow + (down ? -half : half);
  const last = points[points.length - 1];
  if (Math.abs(last[0] - gapBefore) > 1) {
    points.push([gapBefore, last[1]]);
  }
  if (Math.abs(into - last[1]) > 1) {
    points.push([gapBefore, into]);
  }
  points.push([gapBefore, tc.y], [t.x, tc.y]);
  return points;
}

/**
 * Returns BPMN XML with a generated drawing, and whether pool and lanes could
 * be drawn.
 */
export async function layoutWithLanes(xml) {
  const laidOut = await layoutProcess(xml);
  const moddle = new BpmnModdle();
  const { rootElement: definitions } = await moddle.fromXML(laidOut);

  const diagram = (definitions.diagrams || [])[0];
  const plane = diagram && diagram.plane;
  const process = plane && plane.bpmnElement;
  if (!process || process.$type !== 'bpmn:Process') {
    return { xml: laidOut, lanes: false };
  }
  const collaboration = (definitions.rootElements || []).find(
    (e) => e.$type === 'bpmn:Collaboration' && (e.participants || []).some((p) => p.processRef === process)
  );
  const participant = collaboration && collaboration.participants.find((p) => p.processRef === process);
  const lanes = leafLanes(process);
  if (!participant) {
    return { xml: laidOut, lanes: false };
  }

  const elements = plane.planeElement || [];
  const isTopLevel = (bo) => bo && bo.$parent === process;
  const shapes = elements.filter((e) => e.$type === 'bpmndi:BPMNShape' && isTopLevel(e.bpmnElement));
  const edges = elements.filter((e) => e.$type === 'bpmndi:BPMNEdge' && isTopLevel(e.bpmnElement));
  const shapeOf = new Map(shapes.map((s) => [s.bpmnElement, s]));

  // band of every node: its lane, or an extra band for nodes in no lane
  const laneOf = new Map();
  lanes.forEach((lane) => (lane.flowNodeRef || []).forEach((node) => laneOf.set(node, lane)));
  const NO_LANE = { id: null };
  const bands = [...lanes, NO_LANE].map((lane) => ({ lane, shapes: [] }));
  const bandOf = new Map(bands.map((b) => [b.lane, b]));

  const boundary = [];
  for (const shape of shapes) {
    const bo = shape.bpmnElement;
    if (bo.$type === 'bpmn:BoundaryEvent' && bo.attachedToRef && shapeOf.has(bo.attachedToRef)) {
      const host = shapeOf.get(bo.attachedToRef).bounds;
      boundary.push({ shape, host: shapeOf.get(bo.attachedToRef), dx: shape.bounds.x - host.x, dy: shape.bounds.y - host.y });
      continue;
    }
    bandOf.get(laneOf.get(bo) || NO_LANE).shapes.push(shape);
  }

  // rows inside a band: each node, in the grid's order (rows first), takes
  // the first row of its band whose cell in its column is still free
  const minX = Math.min(...shapes.map((s) => s.bounds.x));
  const shiftX = POOL_HEADER + LANE_HEADER + LEFT_GAP - minX;
  const columnOf = (b) => Math.round(center(b).x / COLUMN);
  let top = 0;
  const drawnBands = [];
  for (const band of bands) {
    if (band.lane === NO_LANE && band.shapes.length === 0) continue;
    if (band.lane === NO_LANE) {
      // event sub-processes (and other nodes without a lane) have no flows to
      // keep in order: set them side by side instead of one under the other
      band.shapes
        .filter((shape) => shape.bpmnElement.triggeredByEvent)
        .forEach((shape, index) => {
          shape.bounds.x = minX + index * COLUMN + (COLUMN - shape.bounds.width) / 2 - COLUMN / 2 + 25;
          shape.bounds.y = 0;
        });
    }
    const ordered = [...band.shapes].sort((a, b) => center(a.bounds).y - center(b.bounds).y || a.bounds.x - b.bounds.x);
    const rows = [];
    for (const shape of ordered) {
      const b = shape.bounds;
      const column = columnOf(b);
      let row = rows.findIndex((used) => !used.has(column));
      if (row < 0) {
        rows.push(new Set());
        row = rows.length - 1;
      }
      rows[row].add(column);
      b.x = Math.round(b.x + shiftX);
      b.y = Math.round(top + FIRST_ROW + row * ROW_PITCH - b.height / 2);
    }
    const height = FIRST_ROW + Math.max(rows.length - 1, 0) * ROW_PITCH + BAND_BOTTOM;
    drawnBands.push({ lane: band.lane, y: top, height });
    top += height;
  }
  for (const { shape, host, dx, dy } of boundary) {
    shape.bounds.x = host.bounds.x + dx;
    shape.bounds.y = host.bounds.y + dy;
  }

  // flows
  const boundaryShapes = new Set(boundary.map((b) => b.shape));
  const hostOf = new Map(boundary.map((b) => [b.shape, b.host]));
  // is there a node on the line at y between x1 and x2 (or, vertical, on the
  // line at x between y1 and y2)?
  const blocked = (a1, a2, at, vertical = false) => shapes.some((other) => {
    const c = center(other.bounds);
    const [along, across] = vertical ? [c.y, c.x] : [c.x, c.y];
    return Math.abs(across - at) < 1 && along > Math.min(a1, a2) + 1 && along < Math.max(a1, a2) - 1;
  });
  const placed = (shape) => ({ bounds: shape.bounds, rowY: center((hostOf.get(shape) || shape).bounds).y });
  let bottom = top;
  for (const edge of edges) {
    const flow = edge.bpmnElement;
    const source = shapeOf.get(flow.sourceRef);
    const target = shapeOf.get(flow.targetRef);
    if (!source || !target) continue;
    const kind = boundaryShapes.has(source) ? 'boundary' : /Gateway$/.test(flow.sourceRef.$type) ? 'gateway' : 'node';
    const points = route(placed(source), placed(target), kind, blocked);
    edge.waypoint = points.map(([x, y]) => point(moddle, x, y));
    edge.label = undefined;
    if (flow.name && target.bounds.x < center(source.bounds).x) {
      // a backward flow's name under its channel, next to where it turns back
      // (by default bpmn-js would put it mid-way, often over a boundary event)
      const [turnX, channelY] = points[points.length - 3];
      edge.label = moddle.create('bpmndi:BPMNLabel', {
        bounds: moddle.create('dc:Bounds', { x: Math.round(turnX - 96), y: Math.round(channelY + 3), width: 90, height: 14 })
      });
    }
    bottom = Math.max(bottom, ...points.map(([, y]) => y + 10));
  }
  // which sides of each shape the flows use
  const usedSides = new Map();
  for (const edge of edges) {
    for (const [shape, p] of [[shapeOf.get(edge.bpmnElement.sourceRef), edge.waypoint && edge.waypoint[0]],
      [shapeOf.get(edge.bpmnElement.targetRef), edge.waypoint && edge.waypoint[edge.waypoint.length - 1]]]) {
      if (!shape || !p) continue;
      const sides = usedSides.get(shape) || new Set();
      if (Math.abs(p.y - shape.bounds.y) < 1) sides.add('top');
      if (Math.abs(p.y - (shape.bounds.y + shape.bounds.height)) < 1) sides.add('bottom');
      usedSides.set(shape, sides);
    }
  }

  // external labels: a gateway's on a side no flow uses (above, below, or
  // else above its left corner); a boundary event's right of it (its flow goes
  // straight down); the others where bpmn-js puts them by default
  for (const shape of shapes) {
    const b = shape.bounds;
    const type = shape.bpmnElement.$type;
    shape.label = undefined;
    const name = String(shape.bpmnElement.name || '');
    if (!name) continue;
    let box = null;
    if (/Gateway$/.test(type)) {
      const sides = usedSides.get(shape) || new Set();
      // about 15 characters fit on a line of a 90 px label, 11 on a 70 px one
      const lines = (perLine) => Math.min(3, Math.ceil(name.length / perLine));
      if (!sides.has('top')) {
        box = { x: b.x + b.width / 2 - 45, y: b.y - 6 - 14 * lines(15), width: 90, height: 14 * lines(15) };
      } else if (!sides.has('bottom')) {
        box = { x: b.x + b.width / 2 - 45, y: b.y + b.height + 5, width: 90, height: 14 * lines(15) };
      } else {
        box = { x: b.x - 72, y: b.y + b.height / 2 - 4 - 14 * lines(11), width: 70, height: 14 * lines(11) };
      }
    } else if (boundaryShapes.has(shape)) {
      box = { x: b.x + b.width + 2, y: b.y + b.height - 8, width: 60, height: 14 };
    }
    if (box) {
      shape.label = moddle.create('bpmndi:BPMNLabel', { bounds: moddle.create('dc:Bounds', box) });
    }
  }

  // a loop under the last band must stay inside the pool
  if (drawnBands.length) drawnBands[drawnBands.length - 1].height += Math.max(0, bottom - top);

  const maxRight = Math.max(...shapes.map((s) => s.bounds.x + s.bounds.width));
  const width = maxRight + RIGHT_GAP;
  const height = drawnBands.reduce((sum, b) => sum + b.height, 0);

  const bounds = (x, y, w, h) => moddle.create('dc:Bounds', { x, y, width: w, height: h });
  const added = [
    moddle.create('bpmndi:BPMNShape', {
      id: `${participant.id}_di`,
      bpmnElement: participant,
      isHorizontal: true,
      bounds: bounds(0, 0, width, height)
    })
  ];
  let y = 0;
  for (const band of drawnBands) {
    if (band.lane !== NO_LANE) {
      added.push(moddle.create('bpmndi:BPMNShape', {
        id: `${band.lane.id}_di`,
        bpmnElement: band.lane,
        isHorizontal: true,
        bounds: bounds(POOL_HEADER, y, width - POOL_HEADER, band.height)
      }));
    }
    y += band.height;
  }
  plane.planeElement = [...added, ...elements];
  plane.bpmnElement = collaboration;

  const { xml: result } = await moddle.toXML(definitions, { format: false });
  return { xml: result, lanes: lanes.length > 0 };
}
