#!/usr/bin/env node
// Renders every BPMN and DMN model under bpmn/ to docs/diagrams/:
//   bpmn/<name>.bpmn -> docs/diagrams/<name>.svg + <name>.png, and
//                       <name>--<SubProcessId>.svg/.png per collapsed sub-process
//   bpmn/<name>.dmn  -> docs/diagrams/<name>.html (+ <name>.png, and <name>.svg
//                       for the decision requirements diagram when the file has DMNDI)
//   docs/diagrams/README.md lists every diagram with a caption.
//
// The models are drawn by the prebuilt viewer bundles of bpmn-js and dmn-js in
// Debian's Chromium, driven by playwright-core. The page is served by a small
// HTTP server bound to 127.0.0.1; every other request of the browser is refused.
// A BPMN file without diagram interchange (BPMNDI) gets a generated drawing
// (lane-layout.mjs) and a warning; `--write-di` writes that drawing into the
// file instead. Drawings that have BPMNDI are checked for overlapping labels
// and shapes, flows through shapes and flows on top of each other; what is
// found is printed as LAYOUT lines.
//
// Usage (from anywhere): node tools/diagrams/render.mjs [--write-di] [--strict] [--scale N] [--in DIR] [--out DIR]
//   --write-di first write the generated layout as BPMNDI into every BPMN file
//              that has none (files with BPMNDI are left alone), then render
//   --strict   treat import warnings (and a missing BPMNDI) as failures
//   --scale N  device pixel ratio of the PNG files (default 1.5)
//   --in DIR   folder of the models (default bpmn/)
//   --out DIR  output folder (default docs/diagrams/)
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).
//
// Exit status: 0 when every file rendered, 1 when at least one failed, 2 on a
// setup error (no Chromium, bad arguments, ...).

import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { migrateDiagram } from '@bpmn-io/dmn-migrate';
import { chromium } from 'playwright-core';

import { computeLayout, diagramXml, hasDiagram, insertDiagram, layoutWithLanes } from './lane-layout.mjs';

const TOOL_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(TOOL_DIR, '..', '..');
// changed by --in / --out (used to try the tool on other folders)
let MODEL_DIR = join(REPO_ROOT, 'bpmn');
let OUT_DIR = join(REPO_ROOT, 'docs', 'diagrams');
const MODULES = join(TOOL_DIR, 'node_modules');
const GENERATED_EXTENSIONS = new Set(['.svg', '.png', '.html', '.css']);

// ---------------------------------------------------------------------------
// command line

function parseArgs(argv) {
  const options = { strict: false, scale: 1.5, writeDi: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--strict') {
      options.strict = true;
    } else if (arg === '--write-di') {
      options.writeDi = true;
    } else if (arg === '--scale') {
      options.scale = Number(argv[++i]);
      if (!(options.scale > 0 && options.scale <= 4)) {
        throw new Error('--scale needs a number in (0, 4]');
      }
    } else if (arg === '--in' || arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a folder`);
      options[arg.slice(2)] = resolve(value);
    } else if (arg === '-h' || arg === '--help') {
      options.help = true;
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------
// small helpers

function log(message) {
  process.stdout.write(message + '\n');
}

function warn(message) {
  process.stderr.write(message + '\n');
}

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function oneLine(text) {
  return String(text || '').replace(/\s+/g, ' ').trim();
}

function posixPath(path) {
  return path.split(sep).join('/');
}

/** Writes the file only when its content differs, so unchanged outputs keep their timestamps. */
function writeIfChanged(path, content) {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  if (existsSync(path) && readFileSync(path).equals(data)) {
    return false;
  }
  writeFileSync(path, data);
  return true;
}

function humanSize(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * bpmn-js and dmn-js give SVG markers random ids (different on every run).
 * Renumber every id of the document in order of appearance so that the same
 * model always yields the same bytes.
 */
function stabilizeSvgIds(svg, prefix) {
  const ids = [];
  svg.replace(/\sid="([^"]+)"/g, (match, id) => {
    ids.push(id);
    return match;
  });
  const randomish = ids.filter((id) => /^marker-|^djs-|[0-9a-z]{20,}/.test(id));
  if (randomish.length === 0) {
    return svg;
  }
  const mapping = new Map();
  randomish.forEach((id, index) => mapping.set(id, `${prefix}-m${index + 1}`));
  const pattern = new RegExp(
    [...mapping.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'g'
  );
  return svg.replace(pattern, (id) => mapping.get(id));
}

// ---------------------------------------------------------------------------
// local web server: serves the viewer pages and the viewer bundles only

const PAGES = {
  '/bpmn.html': `<!doctype html>
<html><head><meta charset="utf-8"><title>bpmn</title>
<link rel="stylesheet" href="/vendor/bpmn-js/dist/assets/diagram-js.css">
<link rel="stylesheet" href="/vendor/bpmn-js/dist/assets/bpmn-js.css">
<style>html,body{margin:0;height:100%;background:#fff}#canvas{width:100%;height:100%}</style>
</head><body><div id="canvas"></div>
<script src="/vendor/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
</body></html>`,
  '/dmn.html': `<!doctype html>
<html><head><meta charset="utf-8"><title>dmn</title>
<link rel="stylesheet" href="/vendor/dmn-js/dist/assets/diagram-js.css">
<link rel="stylesheet" href="/vendor/dmn-js/dist/assets/dmn-js-shared.css">
<link rel="stylesheet" href="/vendor/dmn-js/dist/assets/dmn-js-drd.css">
<link rel="stylesheet" href="/vendor/dmn-js/dist/assets/dmn-js-decision-table.css">
<link rel="stylesheet" href="/vendor/dmn-js/dist/assets/dmn-js-literal-expression.css">
<link rel="stylesheet" href="/vendor/dmn-js/dist/assets/dmn-js-boxed-expression.css">
<link rel="stylesheet" href="/vendor/dmn-js/dist/assets/dmn-font/css/dmn-embedded.css">
<style>html,body{margin:0;background:#fff}#canvas{width:1600px;height:1000px}</style>
</head><body><div id="canvas"></div>
<script src="/vendor/dmn-js/dist/dmn-viewer.production.min.js"></script>
</body></html>`,
  '/blank.html': `<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>`
};

const CONTENT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.svg': 'image/svg+xml'
};

// only these folders of node_modules are reachable through /vendor/
const VENDOR_ROOTS = ['bpmn-js/dist/', 'dmn-js/dist/'];

function startServer() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    if (PAGES[path]) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGES[path]);
      return;
    }
    if (path.startsWith('/vendor/')) {
      const rel = path.slice('/vendor/'.length);
      const file = resolve(MODULES, rel);
      const allowed = VENDOR_ROOTS.some((root) => file.startsWith(join(MODULES, root)));
      if (allowed && existsSync(file) && statSync(file).isFile()) {
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] || 'application/octet-stream'
        });
        response.end(readFileSync(file));
        return;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise(server));
  });
}

// ---------------------------------------------------------------------------
// models

function findModels() {
  if (!existsSync(MODEL_DIR)) {
    return [];
  }
  const files = readdirSync(MODEL_DIR, { recursive: true })
    .map((entry) => String(entry))
    .filter((entry) => /\.(bpmn|dmn)$/i.test(entry))
    .filter((entry) => statSync(join(MODEL_DIR, entry)).isFile())
    .sort((a, b) => a.localeCompare(b, 'en'));

  // output name: path below bpmn/ without extension, folders joined by '-'
  const taken = new Map();
  const models = [];
  for (const entry of files) {
    const kind = extname(entry).slice(1).toLowerCase();
    let name = posixPath(entry).slice(0, -extname(entry).length).replace(/\//g, '-');
    if (taken.has(name.toLowerCase())) {
      // e.g. bpmn/foo.bpmn and bpmn/foo.dmn: give the second one a suffix
      name = `${name}-${kind}`;
    }
    if (taken.has(name.toLowerCase())) {
      throw new Error(`two models map to the same output name ${name}: ${taken.get(name.toLowerCase())} and ${entry}`);
    }
    taken.set(name.toLowerCase(), entry);
    models.push({ kind, source: join(MODEL_DIR, entry), rel: posixPath(relative(REPO_ROOT, join(MODEL_DIR, entry))), name });
  }
  return models;
}

// ---------------------------------------------------------------------------
// rendering

/** Renders an SVG document into a blank page and returns a PNG of it. */
async function svgToPng(page, svg) {
  await page.goto(`${page.__origin}/blank.html`);
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!--[\s\S]*?-->\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/, '');
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>
      html,body{margin:0;background:#fff}
      #frame{display:inline-block;padding:16px;background:#fff}
      #frame>svg{display:block}
    </style></head><body><div id="frame">${body}</div></body></html>`
  );
  const size = await page.evaluate(() => {
    const frame = document.getElementById('frame');
    return { width: Math.ceil(frame.offsetWidth), height: Math.ceil(frame.offsetHeight) };
  });
  await page.setViewportSize({ width: Math.max(size.width, 100), height: Math.max(size.height, 100) });
  return page.locator('#frame').screenshot({ type: 'png', animations: 'disabled' });
}

/**
 * Measures texts the way bpmn-js lays them out (same fonts, same line breaks),
 * for the generated layout. A request is { text, width, kind }: kind
 * 'external' is a label outside a shape (11 px, wrapped at `width`), kind
 * 'embedded' a name inside a box `width` wide (12 px, 7 px padding). Answers
 * { lines, textWidth, width }; for an external label `width` is the smallest
 * label width that gives the same lines again, the width to write into BPMNDI.
 */
async function measureTexts(page, requests) {
  await page.goto(`${page.__origin}/bpmn.html`);
  return page.evaluate((list) => {
    /* global BpmnJS */
    const viewer = new BpmnJS({ container: '#canvas' });
    const textRenderer = viewer.get('textRenderer');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '4000');
    svg.setAttribute('height', '400');
    document.body.appendChild(svg);
    const layout = (text, width, style, padding) => {
      const element = textRenderer.createText(text, { box: { width, height: 0 }, style, align: 'center-top', padding });
      svg.appendChild(element);
      const spans = [...element.querySelectorAll('tspan')];
      const lines = spans.map((span) => span.textContent);
      const lineWidths = spans.map((span) => span.getComputedTextLength());
      const textWidth = Math.max(0, ...lineWidths);
      element.remove();
      return { lines, lineWidths, textWidth };
    };
    const result = list.map(({ text, width, kind }) => {
      if (kind === 'external') {
        const style = textRenderer.getExternalStyle();
        const base = layout(text, width, style, 0);
        const same = base.lines.join('\n');
        let w = Math.ceil(base.textWidth);
        while (w < width && layout(text, w, style, 0).lines.join('\n') !== same) w++;
        return { lines: base.lines, lineWidths: base.lineWidths, textWidth: base.textWidth, width: Math.min(w, width) };
      }
      const r = layout(text, width, textRenderer.getDefaultStyle(), 7);
      return { lines: r.lines, lineWidths: r.lineWidths, textWidth: r.textWidth, width: Math.ceil(r.textWidth) };
    });
    viewer.destroy();
    svg.remove();
    return result;
  }, requests);
}

/**
 * In the page: checks the drawing of the current diagram and returns notes
 * for the model's author (labels over shapes, labels or lines, boxes too small
 * for their names, shapes on top of each other, flows through shapes, flows
 * drawn on top of each other, nodes outside their lane).
 */
function inspectLayout() {
  /* eslint-env browser */
  const viewer = window.__viewer;
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const container = canvas.getContainer().getBoundingClientRect();
  canvas.zoom(1);
  const viewbox = canvas.viewbox();
  const toDiagram = (rect) => ({
    x: (rect.left - container.left) / viewbox.scale + viewbox.x,
    y: (rect.top - container.top) / viewbox.scale + viewbox.y,
    width: rect.width / viewbox.scale,
    height: rect.height / viewbox.scale
  });
  const intersection = (a, b) => {
    const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    return w > 0 && h > 0 ? { w, h } : null;
  };
  const inset = (r, d) => ({ x: r.x + d, y: r.y + d, width: r.width - 2 * d, height: r.height - 2 * d });
  const nameOf = (e) => {
    const target = e.labelTarget || e;
    const bo = target.businessObject || {};
    return bo.name ? `${target.id} "${String(bo.name).replace(/\s+/g, ' ')}"` : target.id;
  };
  const segmentHitsRect = (p, q, r) => {
    // Liang-Barsky clipping of segment p-q against rectangle r
    let t0 = 0, t1 = 1;
    const dx = q.x - p.x, dy = q.y - p.y;
    const checks = [[-dx, p.x - r.x], [dx, r.x + r.width - p.x], [-dy, p.y - r.y], [dy, r.y + r.height - p.y]];
    for (const [pp, qq] of checks) {
      if (pp === 0) {
        if (qq < 0) return false;
      } else {
        const t = qq / pp;
        if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
      }
    }
    return true;
  };

  const notes = [];
  const root = canvas.getRootElement();
  // only what this plane shows (a collapsed sub-process has a plane of its own)
  const rootOf = (e) => {
    let p = e;
    while (p.parent) p = p.parent;
    return p;
  };
  const all = registry.filter((e) => e !== root && rootOf(e) === root);
  const isContainer = (e) => /bpmn:(Participant|Lane)$/.test(e.type) || (e.type === 'bpmn:SubProcess' && e.children && e.children.some((c) => !c.labelTarget));
  const nodes = all.filter((e) => !e.waypoints && e.type !== 'label' && !isContainer(e) && e.type !== 'bpmn:Group' && e.type !== 'bpmn:TextAnnotation');
  const connections = all.filter((e) => e.waypoints);

  // text boxes as drawn, in diagram coordinates
  const texts = [];
  for (const e of all) {
    const gfx = registry.getGraphics(e);
    if (!gfx) continue;
    const owned = [...gfx.querySelectorAll(':scope > .djs-visual > text')];
    for (const t of owned) {
      if (!t.textContent.trim()) continue;
      const box = toDiagram(t.getBoundingClientRect());
      texts.push({ element: e, owner: e.labelTarget || e, external: e.type === 'label', box });
    }
  }

  const isAncestor = (a, b) => {
    for (let p = b.parent; p; p = p.parent) if (p === a) return true;
    return false;
  };
  const related = (a, b) => a === b || a.host === b || b.host === a || isAncestor(a, b) || isAncestor(b, a);

  // 1. names that do not fit inside their task box
  for (const t of texts) {
    if (t.external || isContainer(t.owner) || t.owner.waypoints) continue;
    const o = t.owner;
    if (!/Task$|CallActivity|SubProcess|Transaction/.test(o.type)) continue;
    if (t.box.y < o.y - 1 || t.box.y + t.box.height > o.y + o.height + 1) {
      notes.push(`name of ${nameOf(o)} is taller than its box (${Math.round(t.box.height)} px text in a ${o.height} px box): shorten it or enlarge the box`);
    }
  }
  // 2. labels on top of shapes
  for (const t of texts) {
    if (!t.external) continue;
    for (const n of nodes) {
      if (related(n, t.owner)) continue;
      const hit = intersection(inset(t.box, 1), n);
      if (hit) notes.push(`label of ${nameOf(t.owner)} overlaps ${nameOf(n)}`);
    }
  }
  // 3. labels on top of labels
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i], b = texts[j];
      if (a.owner === b.owner || (!a.external && !b.external)) continue;
      if (intersection(inset(a.box, 1), inset(b.box, 1))) {
        notes.push(`label of ${nameOf(a.owner)} overlaps label of ${nameOf(b.owner)}`);
      }
    }
  }
  // 4. labels crossed by a sequence/message flow that is not their own
  for (const t of texts) {
    if (!t.external) continue;
    const owner = t.owner;
    for (const c of connections) {
      if (c === owner || c.source === owner || c.target === owner) continue;
      const w = c.waypoints;
      for (let k = 0; k + 1 < w.length; k++) {
        if (segmentHitsRect(w[k], w[k + 1], inset(t.box, 2))) {
          notes.push(`label of ${nameOf(owner)} is crossed by flow ${nameOf(c)}`);
          break;
        }
      }
    }
  }
  // 5. shapes on top of shapes
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i], b = nodes[j];
      if (related(a, b)) continue;
      if (intersection(inset(a, 1), inset(b, 1))) notes.push(`${nameOf(a)} overlaps ${nameOf(b)}`);
    }
  }
  // 6. flows through shapes that are neither their source nor their target
  const hostOf = (e) => (e && e.host) || null;
  for (const c of connections) {
    const ends = [c.source, c.target, hostOf(c.source), hostOf(c.target)].filter(Boolean);
    const w = c.waypoints;
    const candidates = all.filter((e) => !e.waypoints && e.type !== 'label' && !ends.includes(e) &&
      (nodes.includes(e) || (e.type === 'bpmn:SubProcess' && isContainer(e) && !isAncestor(e, c))));
    for (const n of candidates) {
      for (let k = 0; k + 1 < w.length; k++) {
        if (segmentHitsRect(w[k], w[k + 1], inset(n, 1))) {
          notes.push(`flow ${nameOf(c)} passes through ${nameOf(n)}`);
          break;
        }
      }
    }
  }
  // 7. flows drawn on top of each other (a fork or a merge may share its line)
  const along = (p, q, r, s) => {
    if (p.y === q.y && r.y === s.y && p.y === r.y) {
      return Math.min(Math.max(p.x, q.x), Math.max(r.x, s.x)) - Math.max(Math.min(p.x, q.x), Math.min(r.x, s.x));
    }
    if (p.x === q.x && r.x === s.x && p.x === r.x) {
      return Math.min(Math.max(p.y, q.y), Math.max(r.y, s.y)) - Math.max(Math.min(p.y, q.y), Math.min(r.y, s.y));
    }
    return 0;
  };
  for (let i = 0; i < connections.length; i++) {
    for (let j = i + 1; j < connections.length; j++) {
      const a = connections[i], b = connections[j];
      if (a.source === b.source || a.target === b.target) continue;
      let shared = 0;
      for (let k = 0; k + 1 < a.waypoints.length; k++) {
        for (let m = 0; m + 1 < b.waypoints.length; m++) {
          shared = Math.max(shared, along(a.waypoints[k], a.waypoints[k + 1], b.waypoints[m], b.waypoints[m + 1]));
        }
      }
      if (shared > 1) notes.push(`flow ${nameOf(a)} runs along flow ${nameOf(b)} for ${Math.round(shared)} px`);
    }
  }
  // 8. flow nodes drawn outside the lane they belong to
  for (const lane of all.filter((e) => e.type === 'bpmn:Lane')) {
    for (const ref of lane.businessObject.flowNodeRef || []) {
      const shape = registry.get(ref.id);
      if (!shape || shape.waypoints) continue;
      const cx = shape.x + shape.width / 2, cy = shape.y + shape.height / 2;
      if (cx < lane.x || cx > lane.x + lane.width || cy < lane.y || cy > lane.y + lane.height) {
        notes.push(`${nameOf(shape)} belongs to lane ${nameOf(lane)} but is drawn outside it`);
      }
    }
  }
  return [...new Set(notes)];
}

/** Puts a white rectangle under the drawing so it stays readable on dark backgrounds. */
function addSvgBackground(svg) {
  const match = /viewBox="([-\d.e]+) ([-\d.e]+) ([-\d.e]+) ([-\d.e]+)"/.exec(svg);
  if (!match) return svg;
  const [, x, y, width, height] = match;
  return svg.replace(/(<svg\b[^>]*>)/, `$1<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="#ffffff"/>`);
}

async function renderBpmn(page, model, options) {
  let xml = readFileSync(model.source, 'utf8');
  const notes = [];
  let autoLayout = false;
  if (!/<(?:[\w.-]+:)?BPMNShape\b/.test(xml)) {
    // Camunda runs such a file, but there is nothing to draw: lay it out.
    let drawnLanes = false;
    try {
      ({ xml, lanes: drawnLanes } = await layoutWithLanes(xml, { measure: (requests) => measureTexts(page, requests) }));
    } catch (error) {
      return { ok: false, error: `failed to read the model (it has no BPMNDI, so it was being laid out): ${oneLine(error.message || error)}`, warnings: [] };
    }
    autoLayout = true;
    notes.push('no BPMN diagram interchange (BPMNDI) in the file: drawn with a generated layout ' +
      (drawnLanes ? '(lane-layout.mjs, with the lanes of the model)' : '(lane-layout.mjs; no lanes)') +
      '; write it into the file with `render.sh --write-di` (then keep the drawing in the file), or save the file from Camunda Modeler');
  }

  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(`${page.__origin}/bpmn.html`);

  const result = await page.evaluate(async ({ xmlText, inspectSource, checkLayout }) => {
    /* global BpmnJS */
    const viewer = new BpmnJS({ container: '#canvas' });
    window.__viewer = viewer;
    // eslint-disable-next-line no-new-func
    const inspect = new Function(`return (${inspectSource})`)();
    let warnings;
    try {
      ({ warnings } = await viewer.importXML(xmlText));
    } catch (error) {
      return {
        error: String((error && error.message) || error),
        warnings: ((error && error.warnings) || []).map((w) => String(w.message || w))
      };
    }
    warnings = warnings.map((w) => String(w.message || w));
    const definitions = viewer.getDefinitions();
    const rootElements = definitions.rootElements || [];
    const processes = rootElements.filter((e) => e.$type === 'bpmn:Process');
    const collaborations = rootElements.filter((e) => e.$type === 'bpmn:Collaboration');
    const participants = collaborations.flatMap((c) => c.participants || []);
    const docOf = (e) => ((e && e.documentation) || []).map((d) => d.text || '').join(' ');

    const counts = { lanes: 0, tasks: 0, events: 0, gateways: 0, subProcesses: 0 };
    const flowElements = [];
    const countIn = (elements) => {
      for (const e of elements || []) {
        const type = e.$type || '';
        if (type !== 'bpmn:DataObject') flowElements.push(e);
        if (type === 'bpmn:SubProcess' || type === 'bpmn:Transaction' || type === 'bpmn:AdHocSubProcess') {
          counts.subProcesses++;
          countIn(e.flowElements);
        } else if (/Task$/.test(type) || type === 'bpmn:CallActivity') {
          counts.tasks++;
        } else if (/Event$/.test(type)) {
          counts.events++;
        } else if (/Gateway$/.test(type)) {
          counts.gateways++;
        }
      }
    };
    const countLanes = (laneSets) => {
      for (const laneSet of laneSets || []) {
        for (const lane of laneSet.lanes || []) {
          counts.lanes++;
          countLanes(lane.childLaneSet ? [lane.childLaneSet] : []);
        }
      }
    };
    for (const p of processes) {
      countIn(p.flowElements);
      countLanes(p.laneSets);
    }

    // bpmn-js draws every plane of the opened diagram (the main one and one per
    // collapsed sub-process) as a root element of the canvas
    const diagrams = [];
    const layoutNotes = [];
    const canvas = viewer.get('canvas');
    const mainRoot = canvas.getRootElement();
    const roots = [mainRoot, ...canvas.getRootElements().filter((r) => r !== mainRoot)];
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i];
      canvas.setRootElement(root);
      const bo = root.businessObject || {};
      if (i > 0 && !root.children.some((c) => c.type !== 'label')) continue;
      if (checkLayout) {
        const label = i === 0 ? '' : `[${bo.id || root.id}] `;
        inspect().forEach((note) => layoutNotes.push(label + note));
      }
      canvas.zoom('fit-viewport');
      const { svg } = await viewer.saveSVG();
      diagrams.push({ id: root.id, planeId: bo.id || root.id, rootName: bo.name || '', svg });
    }
    canvas.setRootElement(mainRoot);

    // elements of the model that no diagram draws
    const registry = viewer.get('elementRegistry');
    const undrawn = flowElements.filter((e) => !registry.get(e.id)).map((e) => e.id);
    if (undrawn.length) {
      warnings.push(`${undrawn.length} element(s) have no diagram interchange (BPMNDI) and are not drawn: ${undrawn.join(', ')}`);
    }

    return {
      warnings,
      layoutNotes,
      info: {
        processes: processes.map((p) => ({ id: p.id, name: p.name || '', documentation: docOf(p) })),
        participants: participants.map((p) => p.name || '').filter(Boolean),
        counts
      },
      diagrams
    };
  }, { xmlText: xml, inspectSource: inspectLayout.toString(), checkLayout: !autoLayout });

  if (result.error) {
    return { ok: false, error: result.error, warnings: [...notes.map((n) => `note: ${n}`), ...result.warnings] };
  }

  const outputs = [];
  const diagrams = [];
  for (let i = 0; i < result.diagrams.length; i++) {
    const diagram = result.diagrams[i];
    const stem = i === 0 ? model.name : `${model.name}--${diagram.planeId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
    const svg = addSvgBackground(stabilizeSvgIds(diagram.svg, stem.replace(/[^A-Za-z0-9_-]/g, '_')));
    const png = await svgToPng(page, svg);
    outputs.push({ file: `${stem}.svg`, data: svg }, { file: `${stem}.png`, data: png });
    diagrams.push({ stem, id: diagram.id, planeId: diagram.planeId, rootName: diagram.rootName });
  }
  return {
    ok: true,
    warnings: [...notes.map((n) => `note: ${n}`), ...result.warnings],
    layoutNotes: result.layoutNotes,
    autoLayout,
    info: result.info,
    outputs,
    diagrams
  };
}

const DMN_STYLE_FILES = [
  'dmn-js/dist/assets/dmn-js-shared.css',
  'dmn-js/dist/assets/dmn-js-decision-table.css',
  'dmn-js/dist/assets/dmn-js-literal-expression.css',
  'dmn-js/dist/assets/dmn-js-boxed-expression.css',
  'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css'
];

function dmnInlineCss() {
  return DMN_STYLE_FILES.map((file) => {
    let css = readFileSync(join(MODULES, file), 'utf8');
    if (file.endsWith('dmn-embedded.css')) {
      // keep only the @font-face with the embedded (data:) font; the other one
      // points at font files that are not copied next to the HTML
      css = css.replace(/@font-face\s*{[^}]*url\('\.\.\/font\/[^}]*}/g, '');
    }
    return `/* ${file} */\n${css}`;
  }).join('\n');
}

/** The dmn-js styles, shared by every table page instead of being copied into each. */
const DMN_STYLESHEET = 'dmn-tables.css';
const DMN_STYLESHEET_LINK = `<link rel="stylesheet" href="${DMN_STYLESHEET}">`;

const PAGE_CSS = `
body{margin:0;background:#fff;color:#222;font-family:Arial,"Liberation Sans","DejaVu Sans",sans-serif}
#doc{display:inline-block;padding:20px 24px;min-width:600px}
#doc>header h1{font-size:20px;margin:0 0 4px}
#doc>header p{margin:0 0 8px;color:#555;font-size:13px}
section.decision{margin:18px 0 26px}
section.decision h2{font-size:16px;margin:0 0 2px}
section.decision p.meta{margin:0 0 8px;color:#666;font-size:12px}
section.decision p.doc{margin:0 0 8px;font-size:13px;max-width:900px}
section.drd h2{font-size:16px;margin:18px 0 8px}
section.drd svg{display:block;max-width:none}
.dmn-decision-table-container,.dmn-literal-expression-container,.dmn-boxed-expression-container{margin:0}
/* static page: show whole column titles instead of clamping them to three lines */
.dmn-decision-table-container thead .input-label,.dmn-decision-table-container thead .input-expression,
.dmn-decision-table-container thead .output-label,.dmn-decision-table-container thead .output-name{display:block;overflow:visible;-webkit-line-clamp:unset}
.dmn-decision-table-container .decision-table-name{width:auto;max-width:none;flex-grow:0;padding-right:12px}
.dmn-decision-table-container .decision-table-name:not(.editable){overflow:visible}
.dmn-literal-expression-container .textarea{min-height:0;white-space:pre-wrap}
.dmn-decision-table-container thead .input-variable,.dmn-decision-table-container thead .output-variable{white-space:normal;overflow:visible;text-overflow:clip;overflow-wrap:anywhere}
.dmn-literal-expression-container .decision-name:not(.editable){overflow:visible;white-space:normal}
/* keep the bpmn.io logo visible, below the table instead of over its last row */
.dmn-js-parent .bjs-powered-by{position:static!important;display:block;width:max-content;margin:6px 0 0 auto}
`;

async function renderDmn(page, model) {
  let xml = readFileSync(model.source, 'utf8');
  const notes = [];
  if (!/https:\/\/www\.omg\.org\/spec\/DMN\/20191111\/MODEL\//.test(xml)) {
    try {
      const migrated = await migrateDiagram(xml);
      if (migrated !== xml) {
        notes.push('migrated to DMN 1.3 for rendering');
        xml = migrated;
      }
    } catch (error) {
      return { ok: false, error: `DMN migration failed: ${error.message || error}`, warnings: [] };
    }
  }

  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(`${page.__origin}/dmn.html`);

  const result = await page.evaluate(async (xmlText) => {
    /* global DmnJS */
    const viewer = new DmnJS({ container: '#canvas' });
    let warnings;
    try {
      ({ warnings } = await viewer.importXML(xmlText));
    } catch (error) {
      return {
        error: String((error && error.message) || error),
        warnings: ((error && error.warnings) || []).map((w) => String(w.message || w))
      };
    }
    const definitions = viewer.getDefinitions();
    const docOf = (e) => ((e && e.description) || '') ;
    const views = viewer.getViews();
    const sections = [];
    let drdSvg = null;
    for (const view of views) {
      // (open() repeats the warnings of the import: do not count them twice)
      await viewer.open(view);
      if (view.type === 'drd') {
        const active = viewer.getActiveViewer();
        active.get('canvas').zoom('fit-viewport');
        const shapes = active.get('elementRegistry').filter((e) => !e.waypoints && e.type !== 'label' && e !== active.get('canvas').getRootElement());
        if (shapes.length > 0) {
          drdSvg = (await active.saveSVG()).svg;
        }
        continue;
      }
      const container = document.querySelector(
        '.dmn-decision-table-container, .dmn-literal-expression-container, .dmn-boxed-expression-container'
      );
      if (container) {
        // the viewer's "View DRD" button means nothing on a static page
        container.querySelectorAll('.view-drd, .view-drd-button').forEach((node) => node.remove());
      }
      const element = view.element;
      const logic = element.decisionLogic || element.encapsulatedLogic || null;
      sections.push({
        id: view.id,
        name: view.name || '',
        type: view.type,
        elementType: element.$type,
        hitPolicy: logic && logic.hitPolicy ? logic.hitPolicy + (logic.aggregation ? ' ' + logic.aggregation : '') : '',
        rules: logic && logic.rule ? logic.rule.length : null,
        description: docOf(element),
        html: container ? container.outerHTML : ''
      });
    }
    return {
      warnings: warnings.map((w) => String(w.message || w)),
      info: { id: definitions.id, name: definitions.name || '' },
      sections,
      drdSvg
    };
  }, xml);

  if (result.error) {
    return { ok: false, error: result.error, warnings: result.warnings };
  }
  if (result.sections.length === 0 && !result.drdSvg) {
    return { ok: false, error: 'no decision table, literal expression or diagram to render', warnings: result.warnings };
  }

  const safe = model.name.replace(/[^A-Za-z0-9_-]/g, '_');
  const drdSvg = result.drdSvg ? addSvgBackground(stabilizeSvgIds(result.drdSvg, `${safe}-drd`)) : null;
  const drdInline = drdSvg
    ? drdSvg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!--[\s\S]*?-->\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/, '')
    : '';

  const title = result.info.name || model.name;
  const sectionHtml = result.sections.map((s) => {
    const kind = { decisionTable: 'Decision table / Bảng quyết định', literalExpression: 'Literal expression / Biểu thức', boxedExpression: 'Business knowledge model' }[s.type] || s.type;
    const meta = [kind, `id <code>${escapeHtml(s.id)}</code>`];
    if (s.hitPolicy) meta.push(`hit policy ${escapeHtml(s.hitPolicy)}`);
    if (s.rules !== null) meta.push(`${s.rules} rule${s.rules === 1 ? '' : 's'}`);
    return `<section class="decision" id="${escapeHtml(s.id)}">
<h2>${escapeHtml(s.name || s.id)}</h2>
<p class="meta">${meta.join(' · ')}</p>
${s.description ? `<p class="doc">${escapeHtml(oneLine(s.description))}</p>` : ''}
<div class="dmn-js-parent">${s.html}</div>
</section>`;
  }).join('\n');

  const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="generator" content="tools/diagrams/render.sh">
<title>${escapeHtml(title)}</title>
${DMN_STYLESHEET_LINK}
<style>
${PAGE_CSS}
</style>
</head>
<body>
<div id="doc">
<header>
<h1>${escapeHtml(title)}</h1>
<p>DMN: <code>${escapeHtml(model.rel)}</code> · generated by <code>tools/diagrams/render.sh</code>, do not edit</p>
</header>
${drdInline ? `<section class="drd"><h2>Sơ đồ yêu cầu quyết định / Decision requirements diagram</h2>\n${drdInline}\n</section>` : ''}
${sectionHtml}
</div>
</body>
</html>
`;

  // PNG of the whole page, sized to its content
  await page.goto(`${page.__origin}/blank.html`);
  // the page is shown from memory, where the linked stylesheet cannot be fetched: inline it there
  await page.setContent(html.replace(DMN_STYLESHEET_LINK, `<style>\n${dmnInlineCss()}\n</style>`));
  const size = await page.evaluate(() => {
    const doc = document.getElementById('doc');
    return { width: Math.ceil(doc.scrollWidth), height: Math.ceil(doc.scrollHeight) };
  });
  await page.setViewportSize({ width: Math.max(size.width, 100), height: Math.max(Math.min(size.height, 16000), 100) });
  const png = await page.locator('#doc').screenshot({ type: 'png', animations: 'disabled' });

  const outputs = [{ file: `${model.name}.html`, data: html }, { file: `${model.name}.png`, data: png }];
  if (drdSvg) {
    outputs.push({ file: `${model.name}.svg`, data: drdSvg });
  }
  return {
    ok: true,
    warnings: [...notes.map((n) => `note: ${n}`), ...result.warnings],
    info: { ...result.info, sections: result.sections.map(({ html: _ignored, ...rest }) => rest) },
    outputs,
    hasDrd: Boolean(drdSvg)
  };
}

/**
 * --write-di: gives a BPMN file without diagram interchange the generated
 * layout (lane-layout.mjs) as BPMNDI, written into the file. Only the
 * <bpmndi:BPMNDiagram> element is added (before the closing tag of the root
 * element); not a byte of the rest of the file changes. A file that already
 * has BPMNDI is left alone: its drawing is the author's.
 */
async function writeDiagram(page, model) {
  const xml = readFileSync(model.source, 'utf8');
  if (hasDiagram(xml)) {
    log(`has DI   ${model.rel} (left as it is)`);
    return true;
  }
  try {
    const result = await computeLayout(xml, { measure: (requests) => measureTexts(page, requests) });
    for (const message of result.warnings) warn(`WARN ${model.rel}: layout: ${oneLine(message)}`);
    const diagram = diagramXml(result);
    // an empty <bpmndi:BPMNDiagram> (no shapes) is replaced
    const clean = xml.replace(/[ \t]*<((?:[\w.-]+:)?)BPMNDiagram\b[\s\S]*?<\/\1BPMNDiagram>\s*\n?/g, '');
    writeFileSync(model.source, insertDiagram(clean, diagram));
    log(`wrote DI ${model.rel} (${result.shapes.size} shapes, ${result.edges.size} flows)`);
    return true;
  } catch (error) {
    warn(`FAIL ${model.rel}: could not write BPMNDI: ${oneLine(error.stack || error)}`);
    return false;
  }
}

// ---------------------------------------------------------------------------
// docs/diagrams/README.md

function bpmnCaption(info, autoLayout) {
  const names = info.processes.map((p) => p.name).filter(Boolean);
  const vi = names.length ? names.join('; ') : info.participants.join('; ');
  const c = info.counts;
  const parts = [];
  if (info.participants.length) parts.push(`${info.participants.length} pool${info.participants.length === 1 ? '' : 's'}`);
  if (c.lanes) parts.push(`${c.lanes} lane${c.lanes === 1 ? '' : 's'}`);
  parts.push(`${c.tasks} task${c.tasks === 1 ? '' : 's'}`);
  parts.push(`${c.gateways} gateway${c.gateways === 1 ? '' : 's'}`);
  parts.push(`${c.events} event${c.events === 1 ? '' : 's'}`);
  if (c.subProcesses) parts.push(`${c.subProcesses} sub-process${c.subProcesses === 1 ? '' : 'es'}`);
  const ids = info.processes.map((p) => `\`${p.id}\``).join(', ');
  const en = `BPMN process ${ids || '(none)'}: ${parts.join(', ')}`;
  const note = autoLayout ? ' _(generated layout: the file has no BPMNDI / bố cục tự sinh, tệp chưa có BPMNDI)_' : '';
  return `${vi || '(chưa đặt tên / unnamed)'} — ${en}${note}`;
}

function dmnCaption(info) {
  const tables = info.sections.filter((s) => s.type === 'decisionTable');
  const others = info.sections.filter((s) => s.type !== 'decisionTable');
  const vi = info.name || info.sections.map((s) => s.name).filter(Boolean).join('; ');
  const parts = [];
  if (tables.length) {
    parts.push(`${tables.length} decision table${tables.length === 1 ? '' : 's'} (${tables.map((t) => `\`${t.id}\`${t.hitPolicy ? ' ' + t.hitPolicy : ''}, ${t.rules} rule${t.rules === 1 ? '' : 's'}`).join('; ')})`);
  }
  if (others.length) {
    parts.push(`${others.length} other decision${others.length === 1 ? '' : 's'} (${others.map((s) => `\`${s.id}\``).join(', ')})`);
  }
  return `${vi || '(chưa đặt tên / unnamed)'} — DMN: ${parts.join(', ') || 'decision requirements diagram only'}`;
}

function buildReadme(entries) {
  const lines = [
    '# Sơ đồ quy trình và bảng quyết định / Process diagrams and decision tables',
    '',
    '<!-- Generated by tools/diagrams/render.sh: do not edit this folder by hand. -->',
    '',
    'Generated by `tools/diagrams/render.sh` from the models in [`bpmn/`](../../bpmn/). Do not edit the files in this folder by hand:',
    'change the model, then run `tools/diagrams/render.sh` from the repository root.',
    '',
    'Tạo tự động bằng `tools/diagrams/render.sh` từ các mô hình trong thư mục `bpmn/`. Không sửa tay các tệp ở đây.',
    ''
  ];
  if (entries.length === 0) {
    lines.push('_No BPMN or DMN model found in `bpmn/`._', '');
    return lines.join('\n');
  }
  const groups = [
    ['Quy trình / Processes (BPMN)', entries.filter((e) => e.model.kind === 'bpmn')],
    ['Bảng quyết định / Decisions (DMN)', entries.filter((e) => e.model.kind === 'dmn')]
  ].filter(([, list]) => list.length);
  const link = (text, file) => `[${text}](${encodeURI(file)})`;

  for (const [title, list] of groups) {
    lines.push(`## ${title}`, '', '| Diagram | Files | Caption |', '| --- | --- | --- |');
    for (const entry of list) {
      const main = entry.outputs.filter((o) => !o.file.includes('--'));
      const files = main.map((o) => link(extname(o.file).slice(1).toUpperCase(), o.file));
      const extra = entry.images.length - 1;
      if (extra > 0) files.push(`+${extra} sub-process${extra === 1 ? '' : 'es'}`);
      files.push(link('source', `../../${entry.model.rel}`));
      lines.push(`| [${entry.label}](#${entry.label.toLowerCase()}) | ${files.join(' · ')} | ${entry.caption.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  for (const [, list] of groups) {
    for (const entry of list) {
      lines.push(`### ${entry.label}`, '', entry.caption, '');
      for (const image of entry.images) {
        if (image.title) lines.push(`${image.title} (${link('SVG', image.file)} · ${link('PNG', image.link)})`, '');
        lines.push(`[![${image.alt}](${encodeURI(image.file)})](${encodeURI(image.link || image.file)})`, '');
      }
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// main

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    warn(`render: ${error.message}`);
    return 2;
  }
  if (options.help) {
    log('usage: tools/diagrams/render.sh [--write-di] [--strict] [--scale N] [--in DIR] [--out DIR]   (see tools/diagrams/README.md)');
    return 0;
  }
  if (options.in) MODEL_DIR = options.in;
  if (options.out) OUT_DIR = options.out;

  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    warn(`render: Chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return 2;
  }

  const models = findModels();
  const outRel = posixPath(relative(REPO_ROOT, OUT_DIR)) || '.';
  mkdirSync(OUT_DIR, { recursive: true });

  const server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'loive-diagrams-chromium-'));
  let context;
  let failures = 0;
  const entries = [];
  const written = new Set(['README.md']);
  let layoutNoteCount = 0;

  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      // Playwright adds --headless itself and passes the fresh profile folder
      // above as --user-data-dir (it refuses that flag among the args).
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none'
      ],
      deviceScaleFactor: options.scale,
      viewport: { width: 1600, height: 1000 },
      locale: 'vi-VN',
      timezoneId: 'UTC'
    });

    // the browser may talk to the local server only
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url.startsWith('data:')) {
        return route.continue();
      }
      return route.abort('blockedbyclient');
    });

    const page = context.pages()[0] || (await context.newPage());
    page.__origin = origin;
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error.message || error)));
    page.on('console', (message) => {
      // the dmn-js bundle ships Inferno's development build, which says so on every load
      if (message.type() === 'error' && !/development build of Inferno/.test(message.text())) {
        pageErrors.push(message.text());
      }
    });

    if (models.length === 0) {
      warn(`render: no .bpmn or .dmn file under ${posixPath(relative(REPO_ROOT, MODEL_DIR)) || '.'}/`);
    }

    if (options.writeDi) {
      for (const model of models.filter((m) => m.kind === 'bpmn')) {
        if (!(await writeDiagram(page, model))) failures++;
      }
      if (failures > 0) {
        warn(`render: writing BPMNDI failed for ${failures} file(s); nothing rendered`);
        return 1;
      }
    }

    for (const model of models) {
      pageErrors.length = 0;
      let result;
      try {
        result = model.kind === 'bpmn' ? await renderBpmn(page, model, options) : await renderDmn(page, model, options);
      } catch (error) {
        result = { ok: false, error: String(error.stack || error), warnings: [] };
      }
      for (const message of result.warnings || []) {
        warn(`WARN ${model.rel}: ${oneLine(message)}`);
      }
      for (const message of pageErrors) {
        warn(`WARN ${model.rel}: browser: ${oneLine(message)}`);
      }
      for (const message of result.layoutNotes || []) {
        warn(`LAYOUT ${model.rel}: ${oneLine(message)}`);
      }
      layoutNoteCount += (result.layoutNotes || []).length;
      const realWarnings = (result.warnings || []).filter((w) => !w.startsWith('note: ') || result.autoLayout);
      if (result.ok && options.strict && realWarnings.length > 0) {
        result = { ...result, ok: false, error: `${realWarnings.length} warning(s) and --strict` };
      }
      if (!result.ok) {
        failures++;
        warn(`FAIL ${model.rel}: ${result.error}`);
        continue;
      }

      for (const output of result.outputs) {
        const changed = writeIfChanged(join(OUT_DIR, output.file), output.data);
        written.add(output.file);
        const size = Buffer.byteLength(output.data);
        log(`${changed ? 'wrote    ' : 'unchanged'} ${outRel}/${output.file} (${humanSize(size)})`);
      }

      if (model.kind === 'bpmn') {
        const caption = bpmnCaption(result.info, result.autoLayout);
        entries.push({
          model,
          label: model.name,
          caption,
          outputs: result.outputs,
          images: result.diagrams.map((d, i) => ({
            alt: i === 0 ? `${model.name} (BPMN)` : `${model.name}: ${d.rootName || d.planeId}`,
            title: i === 0 ? '' : `Sub-process / Quy trình con: ${d.rootName || d.planeId}`,
            file: `${d.stem}.svg`,
            link: `${d.stem}.png`
          }))
        });
      } else {
        entries.push({
          model,
          label: model.name,
          caption: dmnCaption(result.info),
          outputs: result.outputs,
          images: [{ alt: `${model.name} (DMN)`, file: `${model.name}.png`, link: `${model.name}.html` }]
        });
      }
    }
  } finally {
    if (context) await context.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  if (failures > 0) {
    warn(`render: ${failures} of ${models.length} model(s) failed; ${outRel}/README.md and stale files left as they were`);
    return 1;
  }

  if (models.some((model) => model.kind === 'dmn')) {
    const changedCss = writeIfChanged(join(OUT_DIR, DMN_STYLESHEET), dmnInlineCss());
    log(`${changedCss ? 'wrote    ' : 'unchanged'} ${outRel}/${DMN_STYLESHEET}`);
    written.add(DMN_STYLESHEET);
  }

  const readme = buildReadme(entries);
  const changed = writeIfChanged(join(OUT_DIR, 'README.md'), readme);
  log(`${changed ? 'wrote    ' : 'unchanged'} ${outRel}/README.md (${humanSize(Buffer.byteLength(readme))})`);

  // outputs of models that no longer exist
  for (const file of readdirSync(OUT_DIR)) {
    if (GENERATED_EXTENSIONS.has(extname(file).toLowerCase()) && !written.has(file)) {
      unlinkSync(join(OUT_DIR, file));
      log(`removed   ${outRel}/${file} (no longer drawn: its model or sub-process plane is gone)`);
    }
  }

  log(`render: ${models.length} model(s) rendered to ${outRel}/` +
    (layoutNoteCount ? `; ${layoutNoteCount} layout note(s) for the models' authors (LAYOUT lines above)` : ''));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    warn(`render: ${error.stack || error}`);
    process.exit(2);
  }
);
