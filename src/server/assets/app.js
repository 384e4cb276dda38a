// The explorer: a start page showing the corpus, entity pages, the neighbourhood graph with filters, the
// explanation of a fact, type-ahead search and the SPARQL editor. Every view has its own URL (#/entity/IRI,
// #/graph/IRI, #/sparql). Server data is always inserted as text, never as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const views = ['start', 'entity', 'graph', 'sparql'];
  let overview = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v;
      // Through the CSSOM: the page's content security policy refuses style attributes.
      else if (k === 'style') node.style.cssText = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  const entityHref = (iri) => '#/entity/' + encodeURIComponent(iri);
  const graphHref = (iri) => '#/graph/' + encodeURIComponent(iri);
  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
  const fmt = (c) => (c === null || c === undefined ? '–' : Number(c).toFixed(2));
  function entityLink(iri, label, cls) {
    const a = el('a', { href: entityHref(iri), class: 'entity' }, label);
    if (cls) a.prepend(el('i', { class: 'dot', style: 'background:' + window.KgGraph.colourOf(cls), title: cls }));
    return a;
  }
  async function getJson(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(response.status + ': ' + (await response.text()).trim());
    return response.json();
  }
  function show(name) {
    for (const v of views) $('view-' + v).hidden = v !== name;
  }
  function fail(target, err) {
    target.replaceChildren(el('p', { class: 'error' }, String(err.message || err)));
  }

  // ---- Start page -------------------------------------------------------------------------------------------
  function prefixLines() {
    return (overview ? overview.prefixes : [])
      .filter(([p]) => ['kg', 'rdf', 'rdfs', 'skos', 'dcterms'].includes(p))
      .map(([p, ns]) => 'PREFIX ' + p + ': <' + ns + '>\n').join('');
  }
  function readyQueries() {
    const top = overview && overview.properties.length ? overview.properties[0] : null;
    const queries = [
      ['Facts between entities, with a sentence',
        'SELECT DISTINCT ?subject ?property ?object ?sentence WHERE {\n  ?r rdf:reifies <<( ?s ?p ?o )>> ;\n     kg:sentence ?sentence .\n' +
        '  ?s rdfs:label ?subject .\n  ?o rdfs:label ?object .\n  BIND(REPLACE(STR(?p), "^.*[/#]", "") AS ?property)\n}\nLIMIT 100'],
      ['Entities by the documents stating facts about them',
        'SELECT ?entity (SAMPLE(?name) AS ?label) (COUNT(DISTINCT ?doc) AS ?documents) WHERE {\n  ?r rdf:reifies <<( ?entity ?p ?o )>> ;\n     kg:document ?doc .\n' +
        '  ?entity rdfs:label ?name .\n}\nGROUP BY ?entity\nORDER BY DESC(?documents)\nLIMIT 25'],
      ['Documents, newest first',
        'SELECT ?document ?date ?title WHERE {\n  GRAPH ?g { ?document dcterms:date ?date .\n    OPTIONAL { ?document dcterms:title ?title } }\n}\nORDER BY DESC(?date)\nLIMIT 50'],
      ['Triples per predicate', 'SELECT ?p (COUNT(*) AS ?triples) WHERE {\n  ?s ?p ?o\n}\nGROUP BY ?p\nORDER BY DESC(?triples)\nLIMIT 50'],
      ['Entities and their labels', 'SELECT DISTINCT ?entity ?label ?class WHERE {\n  ?entity rdfs:label ?label .\n  OPTIONAL { ?entity a ?class }\n}\nORDER BY ?label\nLIMIT 100'],
    ];
    if (top) {
      queries.unshift(['Facts of the most frequent property, ' + top.label,
        'SELECT DISTINCT ?subject ?object ?sentence WHERE {\n  ?r rdf:reifies <<( ?s <' + top.predicate + '> ?o )>> ;\n     kg:sentence ?sentence .\n' +
        '  ?s rdfs:label ?subject .\n  OPTIONAL { ?o rdfs:label ?object }\n}\nLIMIT 50']);
    }
    return queries.map(([name, text]) => [name, prefixLines() + text]);
  }
  async function loadOverview() {
    if (!overview) overview = await getJson('/api/overview');
    const ontology = overview.prefixes.find(([p]) => p === 'kg');
    if (ontology) {
      const base = (overview.prefixes.find(([p]) => p === 'ent') || ['', ''])[1].replace(/entity\/$/, '');
      $('ontology-link').href = '/store?graph=' + encodeURIComponent(base + 'graph/ontology');
    }
    fillExamples();
    return overview;
  }
  async function startPage() {
    show('start');
    try {
      const o = await loadOverview();
      $('counts').replaceChildren(...[
        ['documents', o.documents], ['entities', o.entities], ['relations', o.relations], ['extractions', o.extractions],
      ].map(([name, n]) => el('div', { class: 'card' }, el('b', {}, n.toLocaleString('en')), el('span', {}, name))));
      $('central').replaceChildren(...o.central.map((e) => el('li', {}, entityLink(e.iri, e.label, e.class),
        el('small', { class: 'muted' }, ' ' + (e.class || 'untyped') + ' · ' + plural(e.documents, 'document')))));
      $('properties').replaceChildren(...o.properties.map((p) => el('li', {}, p.label,
        el('small', { class: 'muted' }, ' ' + plural(p.relations, 'pair')))));
      $('latest').replaceChildren(...o.latest.map((d) => el('li', {}, el('span', { class: 'date' }, d.date || 'undated'), ' ',
        d.title || d.id, el('small', { class: 'muted' }, ' ' + plural(Number(d.facts), 'fact')))));
      $('ready').replaceChildren(...readyQueries().map(([name], i) => el('li', {}, el('a', { href: '#/sparql?example=' + i }, name))));
      $('classes').replaceChildren(...o.classes.slice(0, 16).map(([c, n]) => el('span', { class: 'chip' },
        el('i', { class: 'dot', style: 'background:' + window.KgGraph.colourOf(c) }), c + ' ' + n)));
    } catch (err) { fail($('counts'), err); }
  }

  // ---- Explanations -----------------------------------------------------------------------------------------
  function explanationNode(x) {
    const box = el('div', { class: 'explanation' },
      el('p', { class: 'triple' }, el('b', {}, x.subject), ' ' + x.property + ' ', el('b', {}, x.object),
        x.holds ? '' : el('small', { class: 'muted' }, ' (not stated as such)')));
    if (!x.supports.length) box.append(el('p', { class: 'muted' }, 'No provenance recorded (loaded data).'));
    for (const s of x.supports) {
      if (s.kind === 'extracted') {
        box.append(el('div', { class: 'support' },
          el('blockquote', {}, s.sentence || '(no sentence)'),
          el('p', { class: 'meta' }, 'document ' + s.document + (s.date ? ' (' + s.date + ')' : '') + ' · rule ' + s.rule +
            ' · confidence ' + fmt(s.confidence) + ' · ' + (s.modality || 'asserted') +
            (s.attributed_to ? ' · said by ' + s.attributed_to : ''))));
      } else {
        const premises = el('div', { class: 'premises' });
        for (const p of s.premises) premises.append(explanationNode(p));
        box.append(el('div', { class: 'support inferred' },
          el('p', { class: 'meta' }, 'inferred by rule ' + s.rule + ' · confidence ' + fmt(s.confidence) + ' · from:'), premises));
      }
    }
    return box;
  }
  async function explain(triple) {
    const body = $('explain-body');
    body.replaceChildren(el('p', { class: 'muted' }, 'loading…'));
    if (!$('explain').open) $('explain').showModal();
    try {
      const x = await getJson('/api/explain?s=' + encodeURIComponent(triple[0]) + '&p=' + encodeURIComponent(triple[1]) +
        '&o=' + encodeURIComponent(triple[2]));
      body.replaceChildren(el('h2', {}, 'Why this fact'), explanationNode(x));
    } catch (err) { fail(body, err); }
  }

  // ---- Entity page ------------------------------------------------------------------------------------------
  function factRow(page, f) {
    const other = f.other_iri ? entityLink(f.other_iri, f.other, f.other_class) : el('span', { class: 'lit' }, f.other);
    const sources = el('ol', { class: 'sources', hidden: '' }, ...f.sources.map((s) => el('li', {},
      el('span', { class: 'date' }, s.date || ''), ' ', el('q', {}, s.sentence),
      el('small', { class: 'muted' }, ' ' + s.document + ' · ' + s.rule + ' · ' + fmt(s.confidence)))));
    const row = el('li', { class: 'fact' + (f.inferred ? ' inferred' : '') },
      el('div', { class: 'fact-head' }, el('span', { class: 'dir', title: f.outgoing ? page.label + ' → …' : '… → ' + page.label }, f.outgoing ? '→' : '←'),
        ' ', other, ' ',
        el('small', { class: 'muted' }, f.inferred ? 'inferred' : plural(f.documents, 'document') + ' · ' + fmt(f.confidence)),
        ' ', el('button', { type: 'button', class: 'link why', onclick: () => explain(f.triple) }, 'why?'),
        f.sources.length > 1 ? el('button', { type: 'button', class: 'link', onclick: () => { sources.hidden = !sources.hidden; } },
          'all ' + f.sources.length + ' sources') : null),
      f.sentence ? el('q', { class: 'best' }, f.sentence) : null, sources);
    return row;
  }
  function timeline(docs) {
    const months = new Map();
    for (const d of docs) if (d.date) { const m = d.date.slice(0, 7); months.set(m, (months.get(m) || 0) + 1); }
    const keys = [...months.keys()].sort();
    const max = Math.max(1, ...months.values());
    return keys.map((m) => el('div', { class: 'bar', title: m + ': ' + plural(months.get(m), 'document') },
      el('i', { style: 'height:' + Math.round((100 * months.get(m)) / max) + '%' }), el('small', {}, m)));
  }
  async function entityPage(iri) {
    show('entity');
    $('entity-name').textContent = 'loading…';
    try {
      const p = await getJson('/api/entity?iri=' + encodeURIComponent(iri));
      document.title = p.label + ' · kg explorer';
      $('entity-name').textContent = p.label;
      $('entity-class').textContent = p.class || 'untyped';
      $('entity-class').style.background = window.KgGraph.colourOf(p.class);
      $('entity-aliases').textContent = p.aliases.length ? 'Also: ' + p.aliases.join(', ') : '';
      $('entity-graph-link').href = graphHref(iri);
      $('facts-count').textContent = '(' + (p.facts_total > p.facts.length ? p.facts.length + ' best of ' + p.facts_total : p.facts.length) + ')';
      const groups = new Map();
      for (const f of p.facts) {
        const key = f.outgoing ? f.property + ' →' : '← ' + f.property;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(f);
      }
      const facts = $('facts');
      facts.replaceChildren();
      for (const [name, list] of groups) {
        const items = el('ol', { class: 'facts' }, ...list.map((f) => factRow(p, f)));
        const shown = 4;
        [...items.children].forEach((li, i) => { if (i >= shown) li.hidden = true; });
        const more = list.length > shown ? el('button', { type: 'button', class: 'link', onclick: (ev) => {
          [...items.children].forEach((li) => { li.hidden = false; }); ev.target.remove();
        } }, 'show all ' + list.length) : null;
        facts.append(el('section', { class: 'group' + (list[0].canonical ? ' canonical' : '') },
          el('h4', {}, name, el('small', { class: 'muted' }, ' ' + list.length + (list[0].canonical ? ' · ontology' : ' · open relation'))),
          items, more));
      }
      if (!p.facts.length) facts.append(el('p', { class: 'muted' }, 'No facts about this entity.'));
      $('docs-count').textContent = '(' + plural(p.documents.length, 'document') + ')';
      const bars = timeline(p.documents);
      $('timeline').hidden = bars.length === 0;
      $('timeline').replaceChildren(...bars);
      $('entity-docs').replaceChildren(...p.documents.slice(0, 30).map((d) => el('li', {},
        el('span', { class: 'date' }, d.date || 'undated'), ' ', d.title || d.id)));
      $('co-mentioned').replaceChildren(...p.co_mentioned.map((e) => el('li', {}, entityLink(e.iri, e.label, e.class),
        el('small', { class: 'muted' }, ' ' + plural(e.documents, 'document')))));
    } catch (err) { $('entity-name').textContent = ''; fail($('facts'), err); }
  }

  // ---- Neighbourhood graph ----------------------------------------------------------------------------------
  const graph = new window.KgGraph($('graph'), $('tooltip'), $('legend'), {
    expand: (id) => loadGraph(id, 15, true),
    open: (id) => { location.hash = entityHref(id); },
    edge: (e) => explain(e.triple),
  });
  let graphCenter = null;
  let graphLimit = 25;
  function filterParams() {
    const q = new URLSearchParams();
    for (const o of $('f-property').selectedOptions) q.append('property', o.value);
    for (const o of $('f-class').selectedOptions) q.append('class', o.value);
    if (Number($('f-confidence').value) > 0) q.set('min_confidence', $('f-confidence').value);
    for (const [id, name] of [['f-document', 'document'], ['f-from', 'from'], ['f-to', 'to']]) if ($(id).value) q.set(name, $(id).value);
    if ($('f-literals').checked) q.set('literals', '1');
    return q;
  }
  function fillSelect(select, entries, keep) {
    const chosen = new Set(keep ? [...select.selectedOptions].map((o) => o.value) : []);
    select.replaceChildren(...entries.map(([value, text]) => {
      const o = el('option', { value }, text);
      o.selected = chosen.has(value);
      return o;
    }));
  }
  async function loadGraph(iri, limit, merge) {
    const status = $('graph-status');
    status.textContent = 'loading…';
    const q = filterParams();
    q.set('node', iri);
    q.set('limit', String(limit));
    try {
      const data = await getJson('/api/neighbourhood?' + q);
      if (!merge) {
        graph.clear();
        $('graph-title').textContent = (data.nodes[0] && data.nodes[0].label) || iri;
        fillSelect($('f-property'), data.properties.map(([p, n]) => [p, p + ' (' + n + ')']), true);
        fillSelect($('f-class'), data.classes.map(([c, n]) => [c, c + ' (' + n + ')']), true);
        const doc = $('f-document').value;
        fillSelect($('f-document'), [['', 'any']].concat(data.documents.map((d) => [d.id, (d.date || 'undated') + ' · ' + (d.title || d.id)])), false);
        $('f-document').value = doc;
      }
      graph.merge(data);
      const shown = data.nodes.filter((n) => !n.literal).length - 1;
      status.textContent = graph.nodes.size + ' nodes, ' + graph.edges.size + ' edges' +
        (merge ? '' : ' · ' + shown + ' of ' + plural(data.total, 'neighbour') + ' shown');
      $('show-more').hidden = merge || shown >= data.total;
    } catch (err) { status.textContent = String(err.message || err); }
  }
  function graphPage(iri) {
    show('graph');
    $('graph-entity-link').href = entityHref(iri);
    if (graphCenter !== iri) {
      graphCenter = iri;
      graphLimit = 25;
      for (const id of ['f-property', 'f-class']) $(id).replaceChildren();
      resetFilterValues();
    }
    loadGraph(iri, graphLimit, false);
  }
  function resetFilterValues() {
    $('f-confidence').value = '0';
    $('f-confidence-value').textContent = '0';
    for (const id of ['f-document', 'f-from', 'f-to']) $(id).value = '';
    $('f-literals').checked = false;
    for (const id of ['f-property', 'f-class']) for (const o of $(id).options) o.selected = false;
  }
  $('f-confidence').addEventListener('input', () => { $('f-confidence-value').textContent = $('f-confidence').value; });
  $('apply-filters').addEventListener('click', () => graphCenter && loadGraph(graphCenter, graphLimit, false));
  $('reset-filters').addEventListener('click', () => { resetFilterValues(); if (graphCenter) loadGraph(graphCenter, graphLimit, false); });
  $('show-more').addEventListener('click', () => { graphLimit += 25; loadGraph(graphCenter, graphLimit, false); });

  // ---- Search -----------------------------------------------------------------------------------------------
  const searchBox = $('entity-search');
  const list = $('search-results');
  let hits = [];
  let active = 0;
  let asked = 0;
  function showHits() {
    list.replaceChildren(...hits.map((hit, i) => {
      const li = el('li', { role: 'option', class: i === active ? 'active' : '' },
        el('i', { class: 'dot', style: 'background:' + window.KgGraph.colourOf(hit.class) }), hit.label,
        hit.matched !== hit.label ? el('small', {}, ' (' + hit.matched + ')') : null,
        el('small', {}, ' ' + (hit.class || 'untyped') + ' · ' + plural(hit.documents, 'document')));
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(hit); });
      return li;
    }));
    list.hidden = hits.length === 0;
  }
  function pick(hit) {
    list.hidden = true;
    searchBox.value = '';
    searchBox.blur();
    location.hash = entityHref(hit.id);
  }
  searchBox.addEventListener('input', async () => {
    const ticket = ++asked;
    const text = searchBox.value.trim();
    if (!text) { hits = []; showHits(); return; }
    try {
      const found = (await getJson('/api/search?limit=12&q=' + encodeURIComponent(text))).results;
      if (ticket !== asked) return; // a later keystroke already asked
      hits = found;
      active = 0;
      showHits();
    } catch (err) { hits = []; showHits(); }
  });
  searchBox.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && hits.length) { active = (active + 1) % hits.length; showHits(); ev.preventDefault(); }
    if (ev.key === 'ArrowUp' && hits.length) { active = (active + hits.length - 1) % hits.length; showHits(); ev.preventDefault(); }
    if (ev.key === 'Enter' && hits.length) pick(hits[active] || hits[0]);
    if (ev.key === 'Escape') list.hidden = true;
  });
  searchBox.addEventListener('blur', () => { setTimeout(() => { list.hidden = true; }, 150); });

  // ---- SPARQL -----------------------------------------------------------------------------------------------
  const status = $('status');
  const table = $('results');
  const query = $('query');
  function setStatus(text, error) {
    status.textContent = text;
    status.classList.toggle('error', !!error);
  }
  function cell(term) {
    const td = el('td');
    if (!term) return td;
    if (term.type === 'uri') td.append(el('a', { href: entityHref(term.value), title: 'Open its page' }, term.value));
    else if (term.type === 'literal') {
      const span = el('span', { class: 'lit' }, term.value);
      if (term['xml:lang']) span.title = '@' + term['xml:lang'];
      else if (term.datatype) span.title = term.datatype;
      td.append(span);
    } else if (term.type === 'triple') {
      const v = term.value;
      td.textContent = '<<( ' + [v.subject, v.predicate, v.object].map((t) => t.value).join(' ') + ' )>>';
    } else td.textContent = '_:' + term.value;
    return td;
  }
  function showTable(json) {
    if (typeof json.boolean === 'boolean') {
      table.replaceChildren(el('tr', {}, el('th', {}, 'answer')), el('tr', {}, el('td', {}, String(json.boolean))));
      return 1;
    }
    const vars = json.head.vars || [];
    table.replaceChildren(el('tr', {}, ...vars.map((v) => el('th', {}, '?' + v))),
      ...json.results.bindings.map((b) => el('tr', {}, ...vars.map((v) => cell(b[v])))));
    return json.results.bindings.length;
  }
  async function run() {
    setStatus('running…');
    const started = performance.now();
    try {
      const response = await fetch('/query', {
        method: 'POST',
        headers: { 'Content-Type': 'application/sparql-query', 'Accept': 'application/sparql-results+json, text/turtle;q=0.9' },
        body: query.value,
      });
      const ms = Math.round(performance.now() - started);
      if (!response.ok) { setStatus(response.status + ': ' + (await response.text()).trim(), true); return; }
      if ((response.headers.get('Content-Type') || '').includes('json')) {
        const rows = showTable(await response.json());
        setStatus(rows + (rows === 1 ? ' row' : ' rows') + ' in ' + ms + ' ms');
      } else {
        table.replaceChildren(el('tr', {}, el('td', {}, el('pre', {}, await response.text()))));
        setStatus('graph in ' + ms + ' ms');
      }
    } catch (err) { setStatus('request failed: ' + err, true); }
  }
  const select = $('examples');
  function fillExamples() {
    const chosen = select.value;
    select.replaceChildren(...readyQueries().map(([name], i) => el('option', { value: String(i) }, name)));
    if (chosen) select.value = chosen;
  }
  select.addEventListener('change', () => { query.value = readyQueries()[Number(select.value)][1]; });
  $('run').addEventListener('click', run);
  query.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
  async function sparqlPage(params) {
    show('sparql');
    try { await loadOverview(); } catch (err) { /* the editor works without the overview */ }
    const example = params.get('example');
    if (example !== null || !query.value) {
      const i = Number(example || 0);
      select.value = String(i);
      query.value = (readyQueries()[i] || readyQueries()[0])[1];
      if (example !== null) run();
    }
  }

  // ---- Routing ----------------------------------------------------------------------------------------------
  function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, search] = hash.split('?');
    const params = new URLSearchParams(search || '');
    document.title = 'kg explorer';
    if (path.startsWith('/entity/')) entityPage(decodeURIComponent(path.slice(8)));
    else if (path.startsWith('/graph/')) graphPage(decodeURIComponent(path.slice(7)));
    else if (path === '/sparql') sparqlPage(params);
    else startPage();
  }
  window.addEventListener('hashchange', route);
  route();
})();
