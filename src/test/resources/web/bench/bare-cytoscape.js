'use strict';
(async () => {
  const graph = await (await fetch('/api/graph')).json();
  const elements = graph.nodes.map((n) => ({ group: 'nodes', position: { x: n.x, y: n.y }, data: { id: n.id } }))
    .concat(graph.edges.map((e, i) => ({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target } })));
  cytoscape({ container: document.getElementById('graph'), elements, layout: { name: 'preset', fit: true },
    style: [{ selector: 'node', style: { width: 14, height: 14 } },
      { selector: 'edge', style: { width: 1, 'curve-style': 'haystack' } }] });
  requestAnimationFrame(() => {
    document.body.dataset.loadedMs = String(Math.round(performance.now()));
    document.body.dataset.graphLoaded = 'true';
  });
})();
