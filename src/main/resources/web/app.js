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

/** How many of the largest nodes carry a label on a large map (the others show theirs when focused or on a path). */
const LABELLED = 300;
const LARGE = 1000;
/** How many of the largest nodes keep a readable label at every zoom. */
const HEADLINES = 20;
const SIZE_STEP = 4;

async function loadGraph() {
  const phases = {};
  let mark = performance.now();
  const phase = (name) => { const now = performance.now(); phases[name] = Math.round(now - mark); mark = now; };
  const graph = await api('/api/graph');
  phase('fetch');
  state.graph = graph;
  const degree = {};
  graph.edges.forEach((e) => { degree[e.source] = (degree[e.source] || 0) + 1; degree[e.target] = (degree[e.target] || 0) + 1; });
  let maxRank = 0;
  let maxDegree = 1;
  graph.nodes.forEach((n) => { if (n.pageRank > maxRank) maxRank = n.pageRank; if (degree[n.id] > maxDegree) maxDegree = degree[n.id]; });
  const large = graph.nodes.length > LARGE;
  const weights = new Map();
  const nodes = graph.nodes.map((n) => {
    // Size by PageRank once the topology analysis has written it; by degree until then. Sizes come in steps of 4 px:
    // Cytoscape draws a node from a cached texture per distinct style, and 5k distinct sizes meant 5k textures
    // (the first frame of the 5k-node benchmark map took 1.5 s with them, 0.6 s with the steps).
    const weight = maxRank > 0 && n.pageRank ? n.pageRank / maxRank : (degree[n.id] || 0) / maxDegree;
    weights.set(n.id, weight);
    const colour = n.cluster !== null && n.cluster !== undefined ? PALETTE[n.cluster % PALETTE.length] : KIND_COLOUR[n.kind];
    return { group: 'nodes', position: { x: n.x, y: n.y }, data: { id: n.id, label: n.label, kind: n.kind,
      size: 14 + SIZE_STEP * Math.round(46 * weight / SIZE_STEP), colour, shape: SHAPE[n.kind] || 'ellipse', conversations: n.conversations } };
  });
  // A label costs text measurement and drawing: on a large map only the largest nodes carry one.
  const ranked = nodes.slice().sort((a, b) => weights.get(b.data.id) - weights.get(a.data.id));
  ranked.forEach((n, i) => { if (!large || i < LABELLED) n.classes = 'labelled'; });
  const viewport = openingViewport(graph.nodes, $('graph'));
  headlines(ranked, viewport).forEach((n) => { n.classes = 'labelled headline'; });
  phase('elements');
  // The server lays the map out (a force-directed layout of thousands of nodes takes the browser tens of seconds):
  // the page draws the given positions and sets the viewport itself, without measuring every label to fit it.
  // Cytoscape draws the nodes; the edges are one canvas path beneath them (edge-layer.js says why).
  state.cy = cytoscape({
    container: $('graph'),
    elements: nodes,
    layout: { name: 'preset', fit: false },
    zoom: viewport.zoom,
    pan: viewport.pan,
    textureOnViewport: large,
    hideLabelsOnViewport: large,
    motionBlur: false,
    style: [
      { selector: 'node', style: { width: 'data(size)', height: 'data(size)', shape: 'data(shape)',
        'background-color': 'data(colour)' } },
      { selector: 'node.labelled, node.focus, node.path', style: { label: 'data(label)', 'font-size': 10,
        'text-wrap': 'ellipsis', 'text-max-width': 120, 'min-zoomed-font-size': large ? 6 : 0 } },
      { selector: 'node.headline', style: Object.assign({ 'min-zoomed-font-size': 0, 'font-weight': 'bold',
        'text-outline-color': '#fff', 'z-index': 10 }, headlineStyle(viewport.zoom)) },
      { selector: '.focus', style: { 'border-width': 4, 'border-color': '#222' } },
      { selector: 'node.path', style: { 'border-width': 3, 'border-color': '#e15759' } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
  state.edges = new EdgeLayer(state.cy, graph.nodes, graph.edges);
  const headlined = state.cy.nodes('.headline');
  state.cy.on('zoom', () => headlined.style(headlineStyle(state.cy.zoom())));
  phase('cytoscape');
  state.cy.on('tap', 'node', (event) => showEntity(event.target.id()));
  fillFilters(graph);
  $('counts').textContent = graph.nodes.length + ' nodes, ' + graph.edges.length + ' edges';
  // After the first frame with the laid-out graph: what a person waits for (the benchmark reads it).
  requestAnimationFrame(() => {
    phase('frame');
    document.body.dataset.phases = JSON.stringify(phases);
    document.body.dataset.loadedMs = String(Math.round(performance.now()));
    document.body.dataset.graphLoaded = 'true';
  });
}

/**
 * Headlines are labels readable at every zoom (a map of thousands opens far out, where other labels are too small to
 * draw): the largest nodes whose labels do not collide in the opening view, at most {@code HEADLINES}.
 */
function headlines(ranked, viewport) {
  const chosen = [];
  for (let i = 0; i < ranked.length && i < 50 * HEADLINES && chosen.length < HEADLINES; i++) {
    const x = ranked[i].position.x * viewport.zoom;
    const y = ranked[i].position.y * viewport.zoom;
    if (chosen.every((c) => Math.abs(x - c.x) > 150 || Math.abs(y - c.y) > 24)) chosen.push({ node: ranked[i], x, y });
  }
  return chosen.map((c) => c.node);
}

/**
 * Keeps the headline labels about 12 px on screen at this zoom: Cytoscape sizes text in model units, which shrink with
 * the zoom. Applied as a bypass on those few nodes when the zoom changes (restyling the stylesheet would touch every
 * node at every zoom step).
 */
function headlineStyle(zoom) {
  const font = Math.max(10, 12 / zoom);
  return { 'font-size': font, 'text-outline-width': font / 8, 'text-max-width': Math.max(120, 160 / zoom) };
}

/**
 * The zoom and pan that show every position in the container, from the positions alone: computed before Cytoscape
 * starts, so that it draws its first frame there (cy.fit would also measure every label).
 */
function openingViewport(nodes, container) {
  if (!nodes.length) return { zoom: 1, pan: { x: 0, y: 0 } };
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  nodes.forEach((n) => { minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x); minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y); });
  const width = container.clientWidth;
  const height = container.clientHeight;
  const margin = 60;
  const zoom = Math.min(2, (width - 2 * margin) / Math.max(1, maxX - minX), (height - 2 * margin) / Math.max(1, maxY - minY));
  return { zoom, pan: { x: width / 2 - zoom * (minX + maxX) / 2, y: height / 2 - zoom * (minY + maxY) / 2 } };
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
    cy.nodes().removeClass('hidden');
    let visible = cy.nodes();
    if (conversation) visible = visible.filter((n) => (n.data('conversations') || []).includes(conversation));
    if (perspective) {
      const interpreting = new Set(state.edges.neighbours(perspective, 'interprets').concat([perspective]));
      visible = visible.filter((n) => interpreting.has(n.id()));
    }
    cy.nodes().difference(visible).addClass('hidden');
  });
  state.edges.filter((e) => !relation || e.relation === relation);
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

/** A link to a turn in the conversation reader; {@code span} ({start, end} in code points) is highlighted there. */
function turnLink(conversation, index, text, span) {
  const a = el('a', text);
  a.href = '#turn-' + index;
  a.addEventListener('click', (event) => { event.preventDefault(); openConversation(conversation, index, span); });
  return a;
}

// Private-use characters put around a quoted span in a turn's Markdown: they survive rendering and sanitising as
// text, so the span can be found in the rendered page whatever Markdown surrounds it.
const SPAN_OPEN = '\uE000';
const SPAN_CLOSE = '\uE001';

/** The Markdown {@code text} with the span [start, end) (in code points, as the grounding counts them) marked. */
function markSpan(text, span) {
  const points = Array.from(text);
  if (!span || !(span.start >= 0) || !(span.end > span.start) || span.end > points.length) return text;
  return points.slice(0, span.start).join('') + SPAN_OPEN + points.slice(span.start, span.end).join('') + SPAN_CLOSE
    + points.slice(span.end).join('');
}

/** Wraps the marked text under {@code root} in <mark> elements (one per text node it crosses); returns the first. */
function highlightMarked(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let inside = false;
  let first = null;
  nodes.forEach((node) => {
    const text = node.nodeValue;
    if (!inside && !text.includes(SPAN_OPEN) && !text.includes(SPAN_CLOSE)) return;
    const parts = document.createDocumentFragment();
    let buffer = '';
    const flush = () => {
      if (inside && buffer.trim()) {
        const mark = el('mark', buffer, 'quoted');
        first = first || mark;
        parts.appendChild(mark);
      } else if (buffer) {
        parts.appendChild(document.createTextNode(buffer));
      }
      buffer = '';
    };
    for (const ch of text) {
      if (ch === SPAN_OPEN || ch === SPAN_CLOSE) {
        flush();
        inside = ch === SPAN_OPEN;
      } else {
        buffer += ch;
      }
    }
    flush();
    node.parentNode.replaceChild(parts, node);
  });
  return first;
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
    const span = e.start === null || e.start === undefined ? null : { start: e.start, end: e.end };
    li.appendChild(turnLink(e.conversation, e.turnIndex, (e.speaker || 'turn') + ', turn ' + e.turnIndex + ' of ' + e.conversation, span));
    if (e.similarity !== null && e.similarity !== undefined) {
      li.appendChild(el('span', ' · quote aligned, similarity ' + Number(e.similarity).toFixed(2), 'muted'));
    }
    evidence.appendChild(li);
  });
  if (!entity.evidence.length) evidence.appendChild(el('li', 'no quoted evidence', 'muted'));
}

/**
 * The path between two concepts, from the server's explore path (the topology package): each hop with its relations
 * and the quoted evidence they were found in, highlighted on the map.
 */
async function findPath(fromText, toText) {
  const out = clear($('path-result'));
  const cy = state.cy;
  cy.nodes().removeClass('path');
  state.edges.highlight([]);
  try {
    const result = await api('/api/explore/path?from=' + encodeURIComponent(fromText) + '&to=' + encodeURIComponent(toText)
      + '&alternatives=0');
    if (!result.paths.length) { out.appendChild(el('li', 'no path between ' + result.fromLabel + ' and ' + result.toLabel, 'muted')); return; }
    const hops = result.paths[0].hops;
    let onMap = cy.collection();
    const pairs = [];
    hops.forEach((hop) => {
      const li = el('li', null, 'hop');
      li.appendChild(el('strong', hop.fromLabel));
      li.appendChild(el('span', ' —' + hop.relations.join('; ') + '→ ', 'relation'));
      li.appendChild(el('strong', hop.toLabel));
      const quotes = el('ul', null, 'quotes');
      hop.evidence.slice(0, 3).forEach((e) => { if (e.quote) quotes.appendChild(el('li')).appendChild(el('blockquote', e.quote)); });
      if (!quotes.children.length) quotes.appendChild(el('li', 'no quoted evidence', 'muted'));
      li.appendChild(quotes);
      out.appendChild(li);
      onMap = onMap.union(cy.getElementById(hop.from)).union(cy.getElementById(hop.to));
      pairs.push([hop.from, hop.to]);
    });
    const last = el('li', null, 'hop end');
    last.appendChild(el('strong', result.toLabel));
    out.appendChild(last);
    onMap.addClass('path');
    state.edges.highlight(pairs);
    if (onMap.nonempty()) cy.animate({ fit: { eles: onMap, padding: 80 } }, { duration: 300 });
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

async function openConversation(id, focusIndex, span) {
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
    const quoted = span && t.index === focusIndex;
    body.innerHTML = DOMPurify.sanitize(marked.parse(quoted ? markSpan(t.text || '', span) : (t.text || '')));
    if (quoted) highlightMarked(body);
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
    if (target) {
      target.classList.add('focus');
      const mark = target.querySelector('mark.quoted');
      (mark || target).scrollIntoView(mark ? { block: 'center' } : undefined);
    }
  }
}

/** A result table: SPARQL JSON results (head.vars, results.bindings) or Cypher (columns, rows). */
function resultTable(table, result) {
  if (result.boolean !== undefined) { table.appendChild(el('tr')).appendChild(el('td', String(result.boolean))); return; }
  const cypher = Array.isArray(result.columns);
  const vars = cypher ? result.columns : result.head.vars;
  const head = table.appendChild(el('tr'));
  vars.forEach((v) => head.appendChild(el('th', v)));
  const cell = (value) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  (cypher ? result.rows : result.results.bindings).forEach((row) => {
    const tr = table.appendChild(el('tr'));
    vars.forEach((v, i) => tr.appendChild(el('td', cypher ? cell(row[i]) : (row[v] ? row[v].value : ''))));
  });
}

async function runConsole() {
  const language = $('console-language').value;
  const table = clear($('console-result'));
  $('console-error').textContent = '';
  try {
    resultTable(table, await api('/api/' + language, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: $('console-query').value }) }));
  } catch (error) {
    $('console-error').textContent = error.message;
  }
}

/** An answer as sanitised Markdown, with the turns it cites. */
function showAnswer(box, answer) {
  clear(box);
  if (!answer) return;
  const body = el('div', null, 'markdown');
  body.innerHTML = DOMPurify.sanitize(marked.parse(answer.text || ''));
  box.appendChild(body);
  const meta = answer.inputTokens + ' tokens in, ' + answer.outputTokens + ' out, ' + answer.latencyMillis + ' ms'
    + (answer.model ? ' · ' + answer.model : '');
  box.appendChild(el('p', meta, 'muted'));
  answer.citations.forEach((c) => {
    const p = box.appendChild(el('p', '[' + c.key + '] ', 'citation'));
    const id = c.turn.conversation ? decodeURIComponent(c.turn.conversation.split('/').pop()) : null;
    if (id) p.appendChild(turnLink(id, c.turn.turnIndex, (c.turn.speaker || 'turn') + ', turn ' + c.turn.turnIndex + ' of ' + (c.turn.conversationTitle || id)));
  });
}

/** The ask panel: the context the answer was given, beside the answer, and the baseline when asked for. */
async function ask() {
  $('ask-error').textContent = '';
  $('ask-notice').textContent = '';
  try {
    const result = await api('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: $('ask-question').value, baseline: $('ask-baseline').checked }) });
    const facts = clear($('ask-facts'));
    result.context.facts.forEach((f) => {
      const li = facts.appendChild(el('li'));
      li.appendChild(el('span', f.statement ? f.subjectLabel + ': ' + f.statement
        : f.subjectLabel + ' ' + (f.predicateLabel || '') + ' ' + (f.objectLabel || '')));
      f.citations.forEach((c) => { if (c.quote) li.appendChild(el('blockquote', '[' + c.key + '] ' + c.quote)); });
    });
    $('ask-context').textContent = result.context.text;
    if (!result.answer) {
      $('ask-notice').textContent = result.notice;
      $('ask-answer').textContent = '';
      $('ask-answer').appendChild(el('pre', result.prompt));
    } else {
      showAnswer($('ask-answer'), result.answer);
    }
    $('ask-baseline-title').hidden = !result.baseline;
    showAnswer($('ask-baseline-answer'), result.baseline);
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

/** The identity panel: the review queue, the merges and the user's decisions, from /api/identity. */
async function loadIdentity() {
  const error = $('identity-error');
  error.textContent = '';
  let identity;
  try {
    identity = await api('/api/identity');
  } catch (e) {
    error.textContent = e.message;
    return;
  }
  $('identity-summary').textContent = identity.entities + ' entities, ' + identity.merges.length + ' merges, '
    + identity.pending.length + ' pairs waiting for review, ' + identity.byUser.length + ' decisions of yours';
  const evidence = (d) => ' (' + d.evidence + ' ' + Number(d.score).toFixed(2) + (d.extractor ? ', ' + d.extractor : '') + ')';
  const pending = clear($('identity-pending'));
  identity.pending.forEach((d) => {
    const li = pending.appendChild(el('li', null, 'identity-pair'));
    li.dataset.id = d.id;
    li.appendChild(el('strong', d.entityName));
    li.appendChild(el('span', ' maybe the same as '));
    li.appendChild(el('strong', d.otherName));
    li.appendChild(el('span', evidence(d), 'muted'));
    [['accept', 'Accept'], ['reject', 'Reject']].forEach(([action, label]) => {
      const b = li.appendChild(el('button', label));
      b.className = 'identity-' + action;
      b.addEventListener('click', () => decideIdentity(action, d.id));
    });
  });
  if (!identity.pending.length) pending.appendChild(el('li', 'no pair waits for review', 'muted'));
  const merges = clear($('identity-merges'));
  identity.merges.forEach((d) => {
    const li = merges.appendChild(el('li'));
    li.appendChild(el('strong', d.entityName));
    li.appendChild(el('span', ' ← ' + (d.mention || '') + (d.added.length ? ' (adds ' + d.added.join(', ') + ')' : '')));
    li.appendChild(el('span', evidence(d), 'muted'));
    const b = li.appendChild(el('button', 'Split'));
    b.className = 'identity-split';
    b.addEventListener('click', () => decideIdentity('split', d.id));
  });
  if (!identity.merges.length) merges.appendChild(el('li', 'no merge', 'muted'));
  const user = clear($('identity-user'));
  identity.byUser.forEach((d) => user.appendChild(el('li', d.verdict + ': ' + d.entityName + (d.otherName ? ' / ' + d.otherName : '') + ' · ' + d.time)));
  if (!identity.byUser.length) user.appendChild(el('li', 'none yet', 'muted'));
}

async function decideIdentity(action, id) {
  try {
    await api('/api/identity/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action, id }) });
    await loadIdentity();
    // The map is drawn once per page; a merge or split shows on it after a reload.
    if (action !== 'reject') $('identity-summary').textContent += ' · reload the page to see the map change';
  } catch (e) {
    $('identity-error').textContent = e.message;
  }
}

async function start() {
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
  document.querySelector('#tabs button[data-tab="identity"]').addEventListener('click', loadIdentity);
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
