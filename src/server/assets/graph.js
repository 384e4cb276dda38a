// The neighbourhood view: an SVG graph with a small force layout (repulsion between all nodes, springs on
// edges, a weak pull to the centre), pan and zoom, dragging, click to expand, double-click to open an entity's
// page, click an edge for its explanation. Labels keep their screen size at every zoom; a class always gets the
// same colour (a hash of its name), listed in the legend.
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777',
    '#4b5563', '#65a30d', '#9333ea', '#0f766e', '#b45309'];

  // The common classes get colours far apart; the others one from the palette by a hash of their name.
  const FIXED = {
    Person: '#2563eb', Country: '#dc2626', Organization: '#059669', Place: '#d97706', City: '#b45309',
    Event: '#7c3aed', GovernmentBody: '#0891b2', Nationality: '#db2777', Position: '#65a30d', Facility: '#0f766e',
  };

  function make(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }

  class KgGraph {
    constructor(svg, tooltip, legend, actions) {
      this.svg = svg;
      this.tooltip = tooltip;
      this.legend = legend;
      this.onExpand = actions.expand;
      this.onOpen = actions.open || (() => {});
      this.onEdge = actions.edge || (() => {});
      this.nodes = new Map();
      this.edges = new Map();
      this.colours = new Map();
      this.view = { x: 0, y: 0, k: 1 };
      // The view follows the layout (fits it in the canvas) until the user pans or zooms.
      this.autoFit = true;
      this.alpha = 0;
      this.frame = null;
      const defs = make('defs', {}, svg);
      const marker = make('marker', {
        id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5',
        markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse',
      }, defs);
      make('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#9aa3ad' }, marker);
      this.viewport = make('g', { class: 'viewport' }, svg);
      this.edgeLayer = make('g', { class: 'edges' }, this.viewport);
      this.nodeLayer = make('g', { class: 'nodes' }, this.viewport);
      this.installPanZoom();
      this.applyView();
    }

    // The colour of a class: from a hash of its name, so it is the same on every visit and every page.
    static colourOf(cls) {
      if (!cls || cls === 'untyped') return '#6b7280';
      if (FIXED[cls]) return FIXED[cls];
      let h = 2166136261;
      for (let i = 0; i < cls.length; i++) { h ^= cls.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
      return PALETTE[h % PALETTE.length];
    }

    colour(cls) {
      const colour = KgGraph.colourOf(cls);
      this.colours.set(cls || 'untyped', colour);
      return colour;
    }

    clear() {
      this.nodes.clear();
      this.edges.clear();
      this.edgeLayer.replaceChildren();
      this.nodeLayer.replaceChildren();
      this.colours.clear();
      this.view = { x: 0, y: 0, k: 1 };
      this.autoFit = true;
      this.applyView();
      this.renderLegend();
    }

    // Adds the nodes and edges of a neighbourhood; new nodes start around the node that was expanded.
    merge(data) {
      const centre = this.nodes.get(data.center);
      const origin = centre ? { x: centre.x, y: centre.y } : { x: 0, y: 0 };
      const fresh = data.nodes.filter((n) => !this.nodes.has(n.id));
      fresh.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
        const radius = n.id === data.center ? 0 : 90 + 20 * Math.random();
        this.nodes.set(n.id, {
          id: n.id, label: n.label || n.id, cls: n.class || null, literal: !!n.literal,
          x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle),
          vx: 0, vy: 0, fixed: false, expanded: false, degree: 0, el: null,
        });
      });
      for (const n of data.nodes) {
        const known = this.nodes.get(n.id);
        if (n.label) known.label = n.label;
        if (n.class) known.cls = n.class;
      }
      for (const e of data.edges) {
        const key = e.source + '\u0000' + e.predicate + '\u0000' + e.target;
        if (this.edges.has(key)) continue;
        if (!this.nodes.has(e.source) || !this.nodes.has(e.target)) continue;
        this.edges.set(key, Object.assign({ key, el: null }, e));
      }
      const expanded = this.nodes.get(data.center);
      if (expanded) expanded.expanded = true;
      for (const n of this.nodes.values()) n.degree = 0;
      for (const e of this.edges.values()) {
        this.nodes.get(e.source).degree++;
        this.nodes.get(e.target).degree++;
      }
      this.render(data.center);
      this.restart(1);
    }

    radius(n) {
      return n.literal ? 6 : 9 + Math.min(n.degree, 12) * 0.7;
    }

    render(centre) {
      for (const e of this.edges.values()) {
        if (e.el) continue;
        const g = make('g', { class: 'edge' }, this.edgeLayer);
        e.line = make('line', { 'marker-end': 'url(#arrow)' }, g);
        e.hit = make('line', { class: 'hit' }, g);
        e.text = make('text', { 'text-anchor': 'middle' }, g);
        e.text.textContent = shorten(e.label || '', 28) + (e.count > 1 ? ' ×' + e.count : '');
        g.setAttribute('data-label', e.label || '');
        g.classList.toggle('inferred', !!e.inferred);
        const confidence = 'confidence ' + Number(e.confidence || 0).toFixed(2);
        const source = e.inferred ? 'inferred by a rule · ' + confidence :
          [e.count + (e.count === 1 ? ' document' : ' documents'), e.document ? 'best: ' + e.document + (e.date ? ' (' + e.date + ')' : '') : '',
            confidence].filter(Boolean).join(' · ');
        g.addEventListener('mousemove', (ev) => this.showTooltip(ev, [['', e.label], ['', e.sentence || 'no source sentence recorded'], ['', source], ['', 'click for the explanation']]));
        g.addEventListener('click', () => this.onEdge(e));
        g.addEventListener('mouseleave', () => this.hideTooltip());
        e.el = g;
      }
      for (const n of this.nodes.values()) {
        if (!n.el) {
          const g = make('g', { class: 'node' + (n.literal ? ' literal' : ''), 'data-id': n.id }, this.nodeLayer);
          if (n.literal) n.shape = make('rect', { x: -6, y: -6, width: 12, height: 12, rx: 2 }, g);
          else n.shape = make('circle', { r: this.radius(n) }, g);
          n.text = make('text', { x: 0, y: 0, 'text-anchor': 'middle' }, g);
          this.installDrag(n, g);
          g.addEventListener('mousemove', (ev) => this.showTooltip(ev, [['', n.label], ['', n.literal ? 'literal' : (n.cls || 'entity')], ['', n.literal ? '' : 'click: expand · double-click: open its page']]));
          if (!n.literal) g.addEventListener('dblclick', () => this.onOpen(n.id));
          g.addEventListener('mouseleave', () => this.hideTooltip());
          n.el = g;
        }
        if (!n.literal) {
          n.shape.setAttribute('r', this.radius(n));
          n.shape.setAttribute('fill', this.colour(n.cls));
        }
        n.text.textContent = shorten(n.label, 32);
        n.text.setAttribute('y', -this.radius(n) - 5);
        n.el.classList.toggle('expanded', n.expanded);
        n.el.classList.toggle('center', n.id === centre);
      }
      this.renderLegend();
    }

    renderLegend() {
      this.legend.replaceChildren();
      this.colours.clear();
      for (const n of this.nodes.values()) if (!n.literal) this.colour(n.cls);
      for (const [cls, colour] of [...this.colours].sort()) {
        const item = document.createElement('span');
        const dot = document.createElement('i');
        dot.style.background = colour;
        item.append(dot, cls);
        this.legend.appendChild(item);
      }
    }

    showTooltip(ev, lines) {
      this.tooltip.replaceChildren();
      lines.filter(([, text]) => text).forEach(([, text], i) => {
        const line = document.createElement(i === 0 ? 'b' : 'div');
        line.textContent = text;
        this.tooltip.appendChild(line);
      });
      const box = this.svg.getBoundingClientRect();
      this.tooltip.hidden = false;
      const x = Math.min(ev.clientX - box.left + 14, box.width - this.tooltip.offsetWidth - 4);
      this.tooltip.style.left = Math.max(4, x) + 'px';
      this.tooltip.style.top = (ev.clientY - box.top + 14) + 'px';
    }

    hideTooltip() {
      this.tooltip.hidden = true;
    }

    // Screen coordinates to layout coordinates.
    toLayout(ev) {
      const box = this.svg.getBoundingClientRect();
      return {
        x: (ev.clientX - box.left - box.width / 2 - this.view.x) / this.view.k,
        y: (ev.clientY - box.top - box.height / 2 - this.view.y) / this.view.k,
      };
    }

    applyView() {
      const box = this.svg.getBoundingClientRect();
      const cx = box.width / 2 + this.view.x;
      const cy = box.height / 2 + this.view.y;
      this.viewport.setAttribute('transform', `translate(${cx},${cy}) scale(${this.view.k})`);
      // Text and strokes are divided by the zoom, so labels stay legible however far one zooms out.
      this.viewport.style.setProperty('--k', String(this.view.k));
    }

    installPanZoom() {
      let pan = null;
      this.svg.addEventListener('pointerdown', (ev) => {
        if (ev.target !== this.svg) return;
        pan = { x: ev.clientX, y: ev.clientY, vx: this.view.x, vy: this.view.y };
        this.autoFit = false;
        this.svg.setPointerCapture(ev.pointerId);
      });
      this.svg.addEventListener('pointermove', (ev) => {
        if (!pan) return;
        this.view.x = pan.vx + ev.clientX - pan.x;
        this.view.y = pan.vy + ev.clientY - pan.y;
        this.applyView();
      });
      this.svg.addEventListener('pointerup', () => { pan = null; });
      this.svg.addEventListener('wheel', (ev) => {
        ev.preventDefault();
        this.autoFit = false;
        const before = this.toLayout(ev);
        this.view.k = Math.min(4, Math.max(0.2, this.view.k * Math.exp(-ev.deltaY * 0.0015)));
        const box = this.svg.getBoundingClientRect();
        this.view.x = ev.clientX - box.left - box.width / 2 - before.x * this.view.k;
        this.view.y = ev.clientY - box.top - box.height / 2 - before.y * this.view.k;
        this.applyView();
      }, { passive: false });
      window.addEventListener('resize', () => this.applyView());
    }

    installDrag(n, g) {
      let drag = null;
      g.addEventListener('pointerdown', (ev) => {
        ev.stopPropagation();
        drag = { x: ev.clientX, y: ev.clientY, moved: false };
        g.setPointerCapture(ev.pointerId);
      });
      g.addEventListener('pointermove', (ev) => {
        if (!drag) return;
        if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
        if (!drag.moved) return;
        const p = this.toLayout(ev);
        n.x = p.x; n.y = p.y; n.fixed = true;
        this.restart(0.3);
      });
      g.addEventListener('pointerup', () => {
        const wasClick = drag && !drag.moved;
        drag = null;
        n.fixed = false;
        if (wasClick && !n.literal) this.onExpand(n.id);
      });
    }

    restart(alpha) {
      this.alpha = Math.max(this.alpha, alpha);
      if (!this.frame) this.frame = requestAnimationFrame(() => this.loop());
    }

    loop() {
      this.frame = null;
      for (let i = 0; i < 2; i++) this.tick();
      this.draw();
      if (this.alpha > 0.02) this.frame = requestAnimationFrame(() => this.loop());
    }

    tick() {
      const nodes = [...this.nodes.values()];
      const a = this.alpha;
      for (let i = 0; i < nodes.length; i++) {
        const p = nodes[i];
        for (let j = i + 1; j < nodes.length; j++) {
          const q = nodes[j];
          let dx = p.x - q.x, dy = p.y - q.y;
          if (dx === 0 && dy === 0) { dx = Math.random() - 0.5; dy = Math.random() - 0.5; }
          const d2 = Math.max(dx * dx + dy * dy, 25);
          const f = (1200 * a) / d2;
          p.vx += dx * f; p.vy += dy * f;
          q.vx -= dx * f; q.vy -= dy * f;
        }
      }
      for (const e of this.edges.values()) {
        const s = this.nodes.get(e.source), t = this.nodes.get(e.target);
        const dx = t.x - s.x, dy = t.y - s.y;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const rest = t.literal ? 80 : 150;
        const f = ((d - rest) / d) * 0.05 * a;
        s.vx += dx * f; s.vy += dy * f;
        t.vx -= dx * f; t.vy -= dy * f;
      }
      for (const n of nodes) {
        n.vx -= n.x * 0.004 * a; n.vy -= n.y * 0.004 * a;
        n.vx *= 0.6; n.vy *= 0.6;
        if (!n.fixed) { n.x += n.vx; n.y += n.vy; }
      }
      this.alpha *= 0.985;
    }

    draw() {
      // Parallel edges between the same pair get their labels spread apart.
      const seen = new Map();
      for (const e of this.edges.values()) {
        const s = this.nodes.get(e.source), t = this.nodes.get(e.target);
        const dx = t.x - s.x, dy = t.y - s.y;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const rs = this.radius(s), rt = this.radius(t) + 2;
        const x1 = s.x + (dx / d) * rs, y1 = s.y + (dy / d) * rs;
        const x2 = t.x - (dx / d) * rt, y2 = t.y - (dy / d) * rt;
        for (const line of [e.line, e.hit]) {
          line.setAttribute('x1', x1); line.setAttribute('y1', y1);
          line.setAttribute('x2', x2); line.setAttribute('y2', y2);
        }
        const pair = [e.source, e.target].sort().join('\u0000');
        const k = seen.get(pair) || 0;
        seen.set(pair, k + 1);
        const off = (k * 13) / this.view.k;
        e.text.setAttribute('x', (s.x + t.x) / 2 - (dy / d) * off);
        e.text.setAttribute('y', (s.y + t.y) / 2 + (dx / d) * off - 3);
      }
      for (const n of this.nodes.values()) {
        n.el.setAttribute('transform', `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
      }
      if (this.autoFit) this.fit();
    }

    // Centres the layout and scales it to fit the canvas (never above 1.2x).
    fit() {
      if (!this.nodes.size) return;
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const n of this.nodes.values()) {
        x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y);
        x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
      }
      const box = this.svg.getBoundingClientRect();
      const k = Math.min(1.2, (box.width - 160) / Math.max(x1 - x0, 1), (box.height - 100) / Math.max(y1 - y0, 1));
      this.view.k = Math.max(0.15, k);
      this.view.x = -((x0 + x1) / 2) * this.view.k;
      this.view.y = -((y0 + y1) / 2) * this.view.k;
      this.applyView();
    }
  }

  window.KgGraph = KgGraph;
})();
