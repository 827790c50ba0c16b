// The Noema web page: one file, plain JavaScript. Everything that comes from the graph (labels, quotes, turns) is
// LLM output or user logs: it goes into the page as text (textContent), or as Markdown through DOMPurify. Never
// innerHTML with graph data.
'use strict';

const state = { cy: null, graph: null, token: sessionStorage.getItem('noema-token') };
const $ = (id) => document.getElementById(id);

/** fetch with the bearer token (when the server asked for one) and JSON errors as exceptions. */
async function api(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  if (state.token) headers.Authorization = 'Bearer ' + state.token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

/** A new element with text content (never HTML). */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function showTab(name) {
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.id === 'tab-' + name));
}

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const KIND_COLOUR = { concept: '#4e79a7', module: '#e15759', perspective: '#59a14f', person: '#b07aa1', other: '#9c755f' };
const SHAPE = { concept: 'ellipse', module: 'hexagon', perspective: 'diamond', person: 'roundrectangle', other: 'ellipse' };

async function loadGraph() {
  const graph = await api('/api/graph');
  state.graph = graph;
  const degree = {};
  graph.edges.forEach((e) => { degree[e.source] = (degree[e.source] || 0) + 1; degree[e.target] = (degree[e.target] || 0) + 1; });
  const ranks = graph.nodes.map((n) => n.pageRank).filter((r) => r !== null && r !== undefined);
  const maxRank = ranks.length ? Math.max(...ranks) : 0;
  const maxDegree = Math.max(1, ...Object.values(degree));
  const elements = [];
  graph.nodes.forEach((n) => {
    // Size by PageRank once the topology analysis has written it; by degree until then.
    const weight = maxRank > 0 && n.pageRank ? n.pageRank / maxRank : (degree[n.id] || 0) / maxDegree;
    const colour = n.cluster !== null && n.cluster !== undefined ? PALETTE[n.cluster % PALETTE.length] : KIND_COLOUR[n.kind];
    elements.push({ group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind, size: 14 + 46 * weight, colour,
      shape: SHAPE[n.kind] || 'ellipse', conversations: n.conversations } });
  });
  graph.edges.forEach((e, i) => elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target, relation: e.relation } }));
  const large = graph.nodes.length > 1500;
  state.cy = cytoscape({
    container: $('graph'),
    elements,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', shape: 'data(shape)',
        'background-color': 'data(colour)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 120, 'min-zoomed-font-size': large ? 8 : 0 } },
      { selector: 'edge', style: { width: 1, 'line-color': '#bbb', 'curve-style': 'haystack', opacity: 0.7 } },
      { selector: '.focus', style: { 'border-width': 4, 'border-color': '#222' } },
      { selector: '.path', style: { 'line-color': '#e15759', width: 4, 'border-width': 3, 'border-color': '#e15759', opacity: 1 } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
    // cose (force-directed) for maps a person reads; a concentric layout by size for very large ones, where a
    // force-directed layout would take minutes in the browser.
    layout: large ? { name: 'concentric', concentric: (n) => n.data('size'), levelWidth: () => 4, animate: false }
      : { name: 'cose', animate: false, randomize: true, numIter: 1000, nodeRepulsion: () => 400000, idealEdgeLength: () => 60 },
  });
  state.cy.on('tap', 'node', (event) => showEntity(event.target.id()));
  fillFilters(graph);
  $('counts').textContent = graph.nodes.length + ' nodes, ' + graph.edges.length + ' edges';
  // After the first frame with the laid-out graph: what a person waits for (the benchmark reads it).
  requestAnimationFrame(() => {
    document.body.dataset.loadedMs = String(Math.round(performance.now()));
    document.body.dataset.graphLoaded = 'true';
  });
}

function fillFilters(graph) {
  const options = (select, values) => values.forEach(([value, label]) => { const o = el('option', label); o.value = value; select.appendChild(o); });
  options($('filter-conversation'), graph.conversations.map((c) => [c, c]));
  options($('filter-perspective'), graph.nodes.filter((n) => n.kind === 'perspective').map((n) => [n.id, n.label]));
  options($('filter-relation'), graph.relations.map((r) => [r, r]));
  ['filter-conversation', 'filter-perspective', 'filter-relation'].forEach((id) => $(id).addEventListener('change', applyFilters));
}

function applyFilters() {
  const cy = state.cy;
  const conversation = $('filter-conversation').value;
  const perspective = $('filter-perspective').value;
  const relation = $('filter-relation').value;
  cy.batch(() => {
    cy.elements().removeClass('hidden');
    let visible = cy.nodes();
    if (conversation) visible = visible.filter((n) => (n.data('conversations') || []).includes(conversation));
    if (perspective) {
      const p = cy.getElementById(perspective);
      visible = visible.intersection(p.union(p.connectedEdges('[relation = "interprets"]').connectedNodes()));
    }
    cy.nodes().difference(visible).addClass('hidden');
    if (relation) cy.edges().filter((e) => e.data('relation') !== relation).addClass('hidden');
  });
}

function focusNode(id) {
  const node = state.cy.getElementById(id);
  if (node.empty()) return;
  state.cy.nodes().removeClass('focus');
  node.addClass('focus');
  state.cy.animate({ center: { eles: node }, zoom: Math.max(state.cy.zoom(), 1.2) }, { duration: 300 });
}

async function search(text) {
  const box = clear($('did-you-mean'));
  if (!text.trim()) return;
  const result = await api('/api/search?q=' + encodeURIComponent(text));
  if (result.matches.length) {
    focusNode(result.matches[0].iri);
    await showEntity(result.matches[0].iri);
    return;
  }
  if (!result.didYouMean.length) { box.textContent = 'nothing matches “' + text + '”'; return; }
  box.appendChild(el('span', 'Did you mean'));
  result.didYouMean.forEach((m) => {
    const b = el('button', m.label);
    b.type = 'button';
    b.addEventListener('click', () => { $('search').value = m.label; search(m.label); });
    box.appendChild(b);
  });
}

/** A link to a turn in the conversation reader. */
function turnLink(conversation, index, text) {
  const a = el('a', text);
  a.href = '#turn-' + index;
  a.addEventListener('click', (event) => { event.preventDefault(); openConversation(conversation, index); });
  return a;
}

async function showEntity(iri) {
  const entity = await api('/api/entity?iri=' + encodeURIComponent(iri));
  focusNode(iri);
  showTab('entity');
  $('entity-hint').hidden = true;
  $('entity').hidden = false;
  $('entity-title').textContent = entity.label;
  $('entity-type').textContent = (entity.type || '') + ' · ' + entity.iri;
  const defs = clear($('entity-definitions'));
  entity.definitions.forEach((d) => defs.appendChild(el('p', d)));
  const aliases = clear($('entity-aliases'));
  Object.entries(entity.aliases).forEach(([lang, labels]) => {
    aliases.appendChild(el('dt', lang || '(no language)'));
    aliases.appendChild(el('dd', labels.join(' · ')));
  });
  const interpretations = clear($('interpretations'));
  const byPerspective = {};
  entity.interpretations.forEach((i) => (byPerspective[i.perspectiveLabel || i.perspective] ||= []).push(i));
  Object.entries(byPerspective).forEach(([perspective, list]) => {
    const box = el('div', null, 'interpretation');
    box.appendChild(el('h4', perspective));
    list.forEach((i) => box.appendChild(el('p', i.statement)));
    interpretations.appendChild(box);
  });
  if (!entity.interpretations.length) interpretations.appendChild(el('p', 'none', 'muted'));
  const neighbours = clear($('neighbours'));
  entity.neighbours.forEach((n) => {
    const li = el('li');
    li.appendChild(el('span', (n.direction === 'out' ? '→ ' : '← ') + n.relation + ' '));
    const a = el('a', n.label);
    a.href = '#';
    a.addEventListener('click', (event) => { event.preventDefault(); showEntity(n.iri); });
    li.appendChild(a);
    neighbours.appendChild(li);
  });
  const evidence = clear($('evidence'));
  entity.evidence.forEach((e) => {
    const li = el('li', null, 'evidence');
    li.appendChild(el('blockquote', e.quote));
    li.appendChild(turnLink(e.conversation, e.turnIndex, (e.speaker || 'turn') + ', turn ' + e.turnIndex + ' of ' + e.conversation));
    evidence.appendChild(li);
  });
  if (!entity.evidence.length) evidence.appendChild(el('li', 'no quoted evidence', 'muted'));
}

/** The path between two concepts: the server's explore path when available, else the shortest path on the map. */
async function findPath(fromText, toText) {
  const out = clear($('path-result'));
  try {
    const [from, to] = await Promise.all([fromText, toText].map((t) => api('/api/search?q=' + encodeURIComponent(t))));
    if (!from.matches.length || !to.matches.length) {
      out.appendChild(el('li', 'unknown concept: ' + (!from.matches.length ? fromText : toText), 'error'));
      return;
    }
    const cy = state.cy;
    const result = cy.elements().aStar({ root: cy.getElementById(from.matches[0].iri), goal: cy.getElementById(to.matches[0].iri), directed: false });
    cy.elements().removeClass('path');
    if (!result.found) { out.appendChild(el('li', 'no path between them', 'muted')); return; }
    result.path.addClass('path');
    const nodes = result.path.nodes();
    nodes.forEach((n, i) => {
      const li = el('li', n.data('label'), 'hop');
      if (i < nodes.length - 1) {
        const edge = result.path.edges()[i];
        li.appendChild(el('span', '  —' + edge.data('relation') + '→', 'muted'));
      }
      out.appendChild(li);
    });
    cy.fit(result.path, 80);
  } catch (error) {
    out.appendChild(el('li', error.message, 'error'));
  }
}

async function loadConversations() {
  const list = clear($('conversations'));
  (await api('/api/conversations')).forEach((c) => {
    const li = el('li');
    const a = el('a', (c.title || c.id) + ' (' + c.turns + ' turns)');
    a.href = '#';
    a.addEventListener('click', (event) => { event.preventDefault(); openConversation(c.id); });
    li.appendChild(a);
    list.appendChild(li);
  });
}

async function openConversation(id, focusIndex) {
  showTab('reader');
  const conversation = await api('/api/conversations/' + encodeURIComponent(id));
  $('reader-title').textContent = conversation.title;
  const reader = clear($('reader'));
  conversation.turns.forEach((t) => {
    const turn = el('div', null, 'turn');
    turn.id = 'turn-' + t.index;
    turn.appendChild(el('div', (t.speaker || t.role || 'turn') + (t.time ? ' · ' + t.time : ''), 'speaker'));
    const body = el('div', null, 'markdown');
    // Markdown from user logs: parsed by marked, then sanitised by DOMPurify before it touches the page.
    body.innerHTML = DOMPurify.sanitize(marked.parse(t.text || ''));
    turn.appendChild(body);
    reader.appendChild(turn);
  });
  const flow = $('flow');
  flow.textContent = '';
  api('/api/explore/flow?conversation=' + encodeURIComponent(id))
    .then((f) => {
      // The flow view: per turn, the concepts that enter and how the graph so far grows.
      flow.appendChild(el('h3', 'Flow'));
      const list = flow.appendChild(el('ol'));
      const name = (x) => (x && typeof x === 'object' ? (x.label || x.iri || '') : String(x));
      (f.steps || []).forEach((step) => {
        list.appendChild(el('li', (step.speaker || 'turn') + ' ' + step.index + ': +' + (step.introduced || []).map(name).join(', ')
          + ' · revisited ' + (step.revisited || []).length + ' · ' + step.vertices + ' concepts, ' + step.components + ' components'));
      });
    })
    .catch((e) => { flow.textContent = 'Flow view: ' + e.message; });
  if (focusIndex !== undefined && focusIndex !== null) {
    const target = $('turn-' + focusIndex);
    if (target) { target.classList.add('focus'); target.scrollIntoView(); }
  }
}

async function runConsole() {
  const language = $('console-language').value;
  const table = clear($('console-result'));
  $('console-error').textContent = '';
  try {
    const result = await api('/api/' + language, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: $('console-query').value }) });
    if (result.boolean !== undefined) { table.appendChild(el('tr')).appendChild(el('td', String(result.boolean))); return; }
    const vars = result.head.vars;
    const head = table.appendChild(el('tr'));
    vars.forEach((v) => head.appendChild(el('th', v)));
    result.results.bindings.forEach((row) => {
      const tr = table.appendChild(el('tr'));
      vars.forEach((v) => tr.appendChild(el('td', row[v] ? row[v].value : '')));
    });
  } catch (error) {
    $('console-error').textContent = error.message;
  }
}

async function ask() {
  $('ask-error').textContent = '';
  try {
    const result = await api('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: $('ask-question').value, baseline: $('ask-baseline').checked }) });
    $('ask-context').textContent = result.context || '';
    $('ask-answer').innerHTML = DOMPurify.sanitize(marked.parse(result.answer || ''));
    $('ask-baseline-title').hidden = !result.baseline;
    $('ask-baseline-answer').innerHTML = result.baseline ? DOMPurify.sanitize(marked.parse(result.baseline)) : '';
  } catch (error) {
    $('ask-error').textContent = error.message;
  }
}

async function importFile(event) {
  event.preventDefault();
  const file = $('import-file').files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file);
  const status = $('import-status');
  try {
    let job = await api('/api/import', { method: 'POST', body: form });
    while (job.state === 'queued' || job.state === 'running') {
      status.textContent = job.file + ': ' + job.state + ', ' + job.conversations + ' conversations, ' + job.turns + ' turns';
      await new Promise((r) => setTimeout(r, 500));
      job = await api('/api/jobs/' + job.id);
    }
    status.textContent = JSON.stringify(job, null, 2);
    if (job.state === 'done') location.reload();
  } catch (error) {
    status.textContent = error.message;
  }
}

async function start() {
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
  $('search-form').addEventListener('submit', (event) => { event.preventDefault(); search($('search').value); });
  $('path-form').addEventListener('submit', (event) => { event.preventDefault(); showTab('path'); findPath($('path-from').value, $('path-to').value); });
  $('console-run').addEventListener('click', runConsole);
  $('ask-go').addEventListener('click', ask);
  $('import-form').addEventListener('submit', importFile);
  const status = await api('/api/status');
  if (status.tokenRequired && !state.token) {
    state.token = window.prompt('This Noema server needs its token:') || '';
    sessionStorage.setItem('noema-token', state.token);
  }
  await Promise.all([loadGraph(), loadConversations()]);
}

// For tests and the console of the browser's developer tools.
window.cyNodes = () => (state.cy ? state.cy.nodes().length : 0);
window.focusedNode = () => (state.cy ? (state.cy.nodes('.focus').first().id() || null) : null);

start().catch((error) => { $('counts').textContent = 'error: ' + error.message; });
