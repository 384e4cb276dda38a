// The explorer page: the SPARQL editor with a results table, and the entity search feeding the graph view.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const PREFIXES = 'PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n' +
    'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n';
  const EXAMPLES = [
    ['Entities and their labels', PREFIXES +
      'SELECT ?entity ?label ?class WHERE {\n  ?entity rdfs:label ?label .\n  OPTIONAL { ?entity a ?class }\n}\nORDER BY ?label\nLIMIT 100'],
    ['Facts between entities', PREFIXES +
      'SELECT ?subject ?predicate ?object WHERE {\n  ?s ?p ?o .\n  ?s rdfs:label ?subject .\n  ?o rdfs:label ?object .\n' +
      '  BIND(REPLACE(STR(?p), "^.*[/#]", "") AS ?predicate)\n  FILTER(?p != rdf:type)\n}\nLIMIT 100'],
    ['Facts with their source sentences', PREFIXES +
      'SELECT ?s ?p ?o ?text WHERE {\n  ?r rdf:reifies <<( ?s ?p ?o )>> ;\n     ?rp ?text .\n' +
      '  FILTER(isLiteral(?text) && STRLEN(STR(?text)) > 20)\n}\nLIMIT 50'],
    ['Triples per predicate', 'SELECT ?p (COUNT(*) AS ?triples) WHERE {\n  ?s ?p ?o\n}\nGROUP BY ?p\nORDER BY DESC(?triples)'],
    ['Documents (named graphs)', 'SELECT ?graph (COUNT(*) AS ?triples) WHERE {\n  GRAPH ?graph { ?s ?p ?o }\n}\nGROUP BY ?graph\nORDER BY ?graph'],
  ];

  const status = $('status');
  const table = $('results');
  const query = $('query');
  const graph = new window.KgGraph($('graph'), $('tooltip'), $('legend'), expand);

  function setStatus(text, error) {
    status.textContent = text;
    status.classList.toggle('error', !!error);
  }

  // One cell of a SPARQL JSON result: IRIs open in the graph view, literals show their value.
  function cell(term) {
    const td = document.createElement('td');
    if (!term) return td;
    if (term.type === 'uri') {
      const a = document.createElement('a');
      a.textContent = term.value;
      a.title = 'Explore this node';
      a.addEventListener('click', () => expand(term.value));
      td.appendChild(a);
    } else if (term.type === 'literal') {
      const span = document.createElement('span');
      span.className = 'lit';
      span.textContent = term.value;
      if (term['xml:lang']) span.title = '@' + term['xml:lang'];
      else if (term.datatype) span.title = term.datatype;
      td.appendChild(span);
    } else if (term.type === 'triple') {
      const v = term.value;
      td.textContent = '<<( ' + [v.subject, v.predicate, v.object].map((t) => t.value).join(' ') + ' )>>';
    } else {
      td.textContent = '_:' + term.value;
    }
    return td;
  }

  function showTable(json) {
    table.replaceChildren();
    const head = document.createElement('tr');
    if (typeof json.boolean === 'boolean') {
      const th = document.createElement('th');
      th.textContent = 'answer';
      head.appendChild(th);
      const row = document.createElement('tr');
      const td = document.createElement('td');
      td.textContent = String(json.boolean);
      row.appendChild(td);
      table.append(head, row);
      return 1;
    }
    const vars = json.head.vars || [];
    for (const v of vars) {
      const th = document.createElement('th');
      th.textContent = '?' + v;
      head.appendChild(th);
    }
    table.appendChild(head);
    for (const binding of json.results.bindings) {
      const row = document.createElement('tr');
      for (const v of vars) row.appendChild(cell(binding[v]));
      table.appendChild(row);
    }
    return json.results.bindings.length;
  }

  function showText(text) {
    table.replaceChildren();
    const row = document.createElement('tr');
    const td = document.createElement('td');
    const pre = document.createElement('pre');
    pre.textContent = text;
    td.appendChild(pre);
    row.appendChild(td);
    table.appendChild(row);
  }

  async function run() {
    setStatus('running…');
    const started = performance.now();
    try {
      const response = await fetch('/query', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/sparql-query',
          'Accept': 'application/sparql-results+json, text/turtle;q=0.9',
        },
        body: query.value,
      });
      const ms = Math.round(performance.now() - started);
      const type = response.headers.get('Content-Type') || '';
      if (!response.ok) {
        setStatus(response.status + ': ' + (await response.text()).trim(), true);
        return;
      }
      if (type.includes('json')) {
        const rows = showTable(await response.json());
        setStatus(rows + (rows === 1 ? ' row' : ' rows') + ' in ' + ms + ' ms');
      } else {
        showText(await response.text());
        setStatus('graph in ' + ms + ' ms');
      }
    } catch (err) {
      setStatus('request failed: ' + err, true);
    }
  }

  async function expand(id) {
    $('graph-status').textContent = 'loading…';
    try {
      const response = await fetch('/api/neighbourhood?node=' + encodeURIComponent(id) + '&limit=60');
      if (!response.ok) {
        $('graph-status').textContent = response.status + ': ' + (await response.text()).trim();
        return;
      }
      const data = await response.json();
      graph.merge(data);
      $('graph-status').textContent = graph.nodes.size + ' nodes, ' + graph.edges.size + ' edges' +
        (data.truncated ? ' (neighbourhood truncated)' : '');
    } catch (err) {
      $('graph-status').textContent = 'request failed: ' + err;
    }
  }

  // Entity search with a small delay while typing.
  const searchBox = $('entity-search');
  const list = $('search-results');
  let timer = null;
  let hits = [];
  async function search(text) {
    const response = await fetch('/api/search?q=' + encodeURIComponent(text));
    if (!response.ok) return [];
    return (await response.json()).results;
  }
  function showHits() {
    list.replaceChildren();
    for (const hit of hits) {
      const li = document.createElement('li');
      li.textContent = hit.label;
      if (hit.class) {
        const small = document.createElement('small');
        small.textContent = hit.class;
        li.appendChild(small);
      }
      li.addEventListener('click', () => pick(hit));
      list.appendChild(li);
    }
    list.hidden = hits.length === 0;
  }
  function pick(hit) {
    list.hidden = true;
    searchBox.value = hit.label;
    expand(hit.id);
  }
  searchBox.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      hits = await search(searchBox.value);
      showHits();
    }, 200);
  });
  searchBox.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && hits.length) pick(hits[0]);
    if (ev.key === 'Escape') list.hidden = true;
  });
  $('clear-graph').addEventListener('click', () => {
    graph.clear();
    $('graph-status').textContent = '';
  });

  const select = $('examples');
  EXAMPLES.forEach(([name], i) => {
    const option = document.createElement('option');
    option.value = String(i);
    option.textContent = name;
    select.appendChild(option);
  });
  select.addEventListener('change', () => { query.value = EXAMPLES[Number(select.value)][1]; });
  query.value = EXAMPLES[0][1];
  $('run').addEventListener('click', run);
  query.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });

  // Start with the best-connected entity found by an empty search, so the view is never blank.
  search('').then((first) => { if (first.length) expand(first[0].id); });
})();
