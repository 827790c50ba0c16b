// The map's edges, drawn as one canvas path under Cytoscape's nodes.
//
// Why not Cytoscape edges: with 5,067 nodes and 10,075 edges, Cytoscape (3.33.1, headless Chromium) spent 2.2 s of a
// 3.6 s page load creating, styling and bounding-boxing the edge elements; the nodes alone took 1.4 s. One canvas path
// of 10k lines draws in about 7 ms. Nodes stay Cytoscape elements (click, drag, focus, labels); this layer follows
// Cytoscape's viewport and dragged nodes, and knows which edges are filtered out or on a highlighted path.
// Measured with ./benchmark serve page; see the README.
'use strict';

class EdgeLayer {
  /**
   * @param cy the Cytoscape instance that draws the nodes (its container receives the canvas, beneath its own)
   * @param nodes [{id, x, y}] in Cytoscape's model coordinates
   * @param edges [{source, target, relation}] between those nodes (edges to unknown nodes are ignored)
   */
  constructor(cy, nodes, edges) {
    this.cy = cy;
    this.index = new Map(nodes.map((n, i) => [n.id, i]));
    this.xs = Float64Array.from(nodes, (n) => n.x);
    this.ys = Float64Array.from(nodes, (n) => n.y);
    this.edges = edges.filter((e) => this.index.has(e.source) && this.index.has(e.target));
    this.ends = new Int32Array(this.edges.length * 2);
    this.edges.forEach((e, i) => { this.ends[2 * i] = this.index.get(e.source); this.ends[2 * i + 1] = this.index.get(e.target); });
    this.shown = new Uint8Array(this.edges.length).fill(1);
    this.highlighted = [];
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'edge-layer';
    const container = cy.container();
    container.insertBefore(this.canvas, container.firstChild);
    this.drawn = null;
    // Cytoscape renders a frame whenever the viewport, a node or a style changes: redraw after it when that moved us.
    cy.on('render', () => this.drawIfChanged());
    cy.on('position', 'node', (event) => this.moved(event.target));
    cy.on('resize', () => { this.drawn = null; });
  }

  /**
   * Shows only the edges for which {@code keep(edge)} is true and whose two nodes Cytoscape shows (call it after
   * hiding nodes).
   */
  filter(keep) {
    const hidden = new Uint8Array(this.xs.length);
    this.cy.nodes('.hidden').forEach((n) => { const i = this.index.get(n.id()); if (i !== undefined) hidden[i] = 1; });
    this.edges.forEach((e, i) => {
      this.shown[i] = keep(e) && !hidden[this.ends[2 * i]] && !hidden[this.ends[2 * i + 1]] ? 1 : 0;
    });
    this.redraw();
  }

  /** Draws these node pairs' edges (either direction) as a path, above the others; none clears it. */
  highlight(pairs) {
    const wanted = new Set(pairs.flatMap(([a, b]) => [a + '\n' + b, b + '\n' + a]));
    this.highlighted = [];
    this.edges.forEach((e, i) => { if (wanted.has(e.source + '\n' + e.target)) this.highlighted.push(i); });
    this.redraw();
  }

  /** The nodes joined to {@code id} by an edge with this relation. */
  neighbours(id, relation) {
    const found = [];
    this.edges.forEach((e) => {
      if (e.relation !== relation) return;
      if (e.source === id) found.push(e.target);
      else if (e.target === id) found.push(e.source);
    });
    return found;
  }

  redraw() {
    this.drawn = null;
    this.drawIfChanged();
  }

  moved(node) {
    const i = this.index.get(node.id());
    if (i === undefined) return;
    const p = node.position();
    this.xs[i] = p.x;
    this.ys[i] = p.y;
    this.drawn = null;
  }

  drawIfChanged() {
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const key = zoom + ',' + pan.x + ',' + pan.y;
    if (this.drawn === key) return;
    this.drawn = key;
    const ratio = window.devicePixelRatio || 1;
    const width = this.cy.width();
    const height = this.cy.height();
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      this.canvas.style.width = width + 'px';
      this.canvas.style.height = height + 'px';
    }
    const context = this.canvas.getContext('2d');
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    context.setTransform(zoom * ratio, 0, 0, zoom * ratio, pan.x * ratio, pan.y * ratio);
    this.stroke(context, (i) => this.shown[i], 'rgba(170, 170, 170, 0.7)', Math.max(1, 0.5 / zoom));
    if (this.highlighted.length) {
      const path = new Set(this.highlighted);
      this.stroke(context, (i) => path.has(i), '#e15759', Math.max(4, 3 / zoom));
    }
  }

  stroke(context, drawn, colour, width) {
    context.beginPath();
    for (let i = 0; i < this.edges.length; i++) {
      if (!drawn(i)) continue;
      const a = this.ends[2 * i];
      const b = this.ends[2 * i + 1];
      context.moveTo(this.xs[a], this.ys[a]);
      context.lineTo(this.xs[b], this.ys[b]);
    }
    context.lineWidth = width;
    context.strokeStyle = colour;
    context.stroke();
  }
}
