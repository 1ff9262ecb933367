/* The network view's script (inlined by kg/view/html.py, allowed by its CSP hash).
 *
 * Safety rule: strings from articles (names, titles, quotes, topics) reach the DOM only through
 * textContent, form-control properties and vis-network string tooltips (which vis-network 9 shows
 * with innerText). This file never hands a string to the HTML parser or the script compiler
 * (tests/test_view.py checks the page for every such sink).
 */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("graph-data").textContent);
  var T = D.ui;
  // Tableau 10 then a few more: countries beyond the palette share "other countries".
  var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                 "#9c755f", "#17becf", "#bcbd22", "#8c564b"];
  var OTHER = "#bab0ac";
  var TOOLTIP_CONTACTS = 6;   // a tooltip stays readable; the panel has the full list
  var PANEL_CONTACTS = 200;   // rendered at once; "show all" renders the rest on demand
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function short(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  /* Dates keep their precision ("2025", "2025-07", "2025-07-11"); a coarse date covers an interval and
     matches a range when the interval overlaps it. "-31" for every month still orders correctly as text. */
  function lo(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d; }
  function hi(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d; }
  function realDay(iso) {  // "2025-02-31" -> "2025-02-28": a date input needs a real day
    var last = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7), 0)).getUTCDate();
    return iso.slice(0, 8) + String(Math.min(+iso.slice(8, 10), last)).padStart(2, "0");
  }

  var state = {from: "", to: "", undated: true, modes: {}, statuses: {}, colourBy: D.colourBy};
  D.modes.forEach(function (m) { state.modes[m] = true; });
  D.statuses.forEach(function (s) { state.statuses[s] = true; });

  var shown = new Uint8Array(D.contacts.length);
  var nodeCount = new Int32Array(D.nodes.length);
  var nodeContacts = D.nodes.map(function () { return []; });
  D.contacts.forEach(function (c, i) { c.p.forEach(function (p) { nodeContacts[p].push(i); }); });

  function passesKind(c) { return !!(state.modes[c.m] && state.statuses[c.s]); }
  function passesDate(c) {
    if (!c.d) { return state.undated; }
    if (state.from && hi(c.d) < state.from) { return false; }
    if (state.to && lo(c.d) > state.to) { return false; }
    return true;
  }

  /* Colours: regions have fixed colours (from Python); countries get the palette by number of leaders. */
  var countryColour = {};
  (function () {
    var n = {};
    D.nodes.forEach(function (nd) { if (nd.country) { n[nd.country] = (n[nd.country] || 0) + 1; } });
    Object.keys(n).sort(function (a, b) { return n[b] - n[a] || (a < b ? -1 : 1); })
      .slice(0, PALETTE.length).forEach(function (k, i) { countryColour[k] = PALETTE[i]; });
  })();
  function colourOf(nd) {
    return state.colourBy === "country" ? (countryColour[nd.country] || OTHER) : (D.regionColours[nd.region] || OTHER);
  }
  function countryName(nd) { return nd.country ? D.countries[nd.country] || nd.country : ""; }

  function contactHead(c) {
    return [c.d || T.undated_short, T.modes[c.m] || c.m, T.statuses[c.s] || c.s].join(" · ");
  }
  function count(n) { return n + " " + (n === 1 ? T.contact : T.contacts); }
  function topicsOf(c) { return c.t.map(function (i) { return D.topics[i]; }); }
  function articleTitle(a) { return a.title || a.id || T.no_title; }

  function edgeTitle(e, list) {
    var lines = [D.nodes[e.from].label + " – " + D.nodes[e.to].label + " (" + count(list.length) + ")"];
    list.slice(0, TOOLTIP_CONTACTS).forEach(function (ci) {
      var c = D.contacts[ci];
      var t = topicsOf(c);
      lines.push("• " + contactHead(c) + (t.length ? " · " + t.join(", ") : ""));
      if (c.e.length) {
        lines.push("   " + short(articleTitle(D.articles[c.e[0][0]]), 100));
        if (c.e[0][1]) { lines.push("   “" + short(c.e[0][1], 160) + "”"); }
      }
    });
    if (list.length > TOOLTIP_CONTACTS) { lines.push("… " + (list.length - TOOLTIP_CONTACTS) + " " + T.more); }
    return lines.join("\n");
  }
  function nodeTitle(nd) {
    return nd.label + "\n" + [countryName(nd), D.regions[nd.region]].filter(Boolean).join(" · ") + "\n" +
      count(nd.n);
  }

  /* Filtering: recompute which contacts are shown, then update only the edges and nodes that changed. */
  var edgeSig = D.edges.map(function () { return null; });
  var nodeHidden = D.nodes.map(function () { return null; });
  function compute() {
    var i;
    nodeCount.fill(0);
    for (i = 0; i < D.contacts.length; i++) {
      var c = D.contacts[i];
      shown[i] = passesKind(c) && passesDate(c) ? 1 : 0;
      if (shown[i]) { for (var j = 0; j < c.p.length; j++) { nodeCount[c.p[j]]++; } }
    }
    var edgeItems = [];
    D.edges.forEach(function (e, k) {
      var list = e.c.filter(function (ci) { return shown[ci]; });
      var sig = list.join(","), old = edgeSig[k];
      if (sig === old) { return; }
      edgeSig[k] = sig;
      // Only options that differ from the defaults: vis-network's cost per item grows with its options.
      var item = {id: k, from: e.from, to: e.to, value: Math.max(list.length, 1)};
      if (!list.length || old !== null) { item.hidden = !list.length; }
      if (list.length) {
        item.title = edgeTitle(e, list);
        var planned = list.every(function (ci) { return D.contacts[ci].s === "planned"; });
        if (planned || old !== null) { item.dashes = planned; }
      }
      edgeItems.push(item);
    });
    // A node's size and tooltip stay those of all its contacts (the panel has the filtered list): vis-network
    // pays ~0.1 ms per updated item, so filters only touch the nodes they show or hide.
    var nodeItems = [];
    D.nodes.forEach(function (nd, i) {
      var hidden = nodeCount[i] === 0;
      if (hidden === nodeHidden[i]) { return; }
      var full = nodeHidden[i] === null;
      nodeHidden[i] = hidden;
      if (!full) { nodeItems.push({id: i, hidden: hidden}); return; }
      var item = {id: i, label: nd.label, value: Math.max(nd.n, 1), title: nodeTitle(nd), color: colourOf(nd)};
      if (hidden) { item.hidden = true; }
      if (nd.unlinked) { item.borderWidth = 2; item.shapeProperties = {borderDashes: [3, 3]}; }
      nodeItems.push(item);
    });
    return {nodes: nodeItems, edges: edgeItems};
  }

  performance.mark("kg-data");  // stages of loading, read by the load benchmark
  var first = compute();
  performance.mark("kg-computed");
  if (D.layout.engine === "fast") {
    var ef = new Int32Array(D.edges.length), et = new Int32Array(D.edges.length);
    var ew = new Float64Array(D.edges.length);
    D.edges.forEach(function (e, k) { ef[k] = e.from; et[k] = e.to; ew[k] = 1 + Math.log(e.c.length); });
    var pos = window.kgLayout(D.nodes.length, ef, et, ew, D.layout.iterations, 7);
    first.nodes.forEach(function (item, i) { item.x = pos.x[i]; item.y = pos.y[i]; });
    performance.mark("kg-layout");
  }
  // vis-network scales widths and sizes linearly between the smallest and largest value, but draws every item
  // at mid-size when all values are equal; a graph of single contacts should draw thin lines, not thick ones.
  function linear(min, max, total, value) { return max === min ? 0 : (value - min) / (max - min); }
  D.options.nodes.scaling.customScalingFunction = linear;
  D.options.edges.scaling.customScalingFunction = linear;
  var nodes = new vis.DataSet(first.nodes);
  var edges = new vis.DataSet(first.edges);
  var container = $("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, D.options);
  performance.mark("kg-network");
  var view = window.kgView = {network: network, nodes: nodes, edges: edges, state: state, ready: false,
                              readyAt: null, data: D};

  /* What vis-network will draw: its own lists of visible nodes and edges. */
  view.drawn = function () {
    return {nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length};
  };
  view.shownContacts = function () { return shown.reduce(function (a, b) { return a + b; }, 0); };

  function markReady() {
    // Physics only lays the graph out: stop it so the page is idle and dragging stays cheap.
    performance.mark("kg-stabilized");
    network.setOptions({physics: false});
    network.once("afterDrawing", function () {
      performance.mark("kg-ready");
      view.ready = true;
      view.readyAt = performance.now();
      document.body.setAttribute("data-ready", "1");
    });
    network.redraw();
  }
  if (!D.nodes.length) {
    container.appendChild(el("p", "empty", T.empty));
    markReady();
  } else if (D.options.physics.enabled) {
    network.once("stabilizationIterationsDone", markReady);
  } else {
    network.fit();
    markReady();
  }

  function updateCounts() {
    var nn = 0, nc = view.shownContacts();
    for (var i = 0; i < nodeCount.length; i++) { if (nodeCount[i]) { nn++; } }
    var text = nn === D.nodes.length && nc === D.contacts.length ?
      nn + " " + T.leaders + ", " + nc + " " + T.contacts :
      nn + " " + T.of + " " + D.nodes.length + " " + T.leaders + ", " + nc + " " + T.of + " " + D.contacts.length +
      " " + T.contacts;
    $("counts").textContent = text;
  }

  function apply() {
    var next = compute();
    if (next.nodes.length) { nodes.update(next.nodes); }
    if (next.edges.length) { edges.update(next.edges); }
    updateCounts();
    drawLegend();
    drawTimeline();
    refreshPanel();
  }
  view.apply = apply;

  /* Filters. */
  function checkboxes(fieldset, values, names, target, prefix) {
    values.forEach(function (v) {
      var label = el("label", "check");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = v;
      box.id = prefix + v;
      box.addEventListener("change", function () { target[v] = box.checked; apply(); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + (names[v] || v)));
      fieldset.appendChild(label);
    });
  }
  checkboxes($("mode-filter"), D.modes, T.modes, state.modes, "mode-");
  checkboxes($("status-filter"), D.statuses, T.statuses, state.statuses, "status-");
  var dated = D.contacts.filter(function (c) { return c.d; });
  var minDate = dated.reduce(function (m, c) { return !m || lo(c.d) < m ? lo(c.d) : m; }, "");
  var maxDate = dated.reduce(function (m, c) { var h = hi(c.d); return !m || h > m ? h : m; }, "");
  ["date-from", "date-to"].forEach(function (id) {
    var input = $(id);
    if (minDate) { input.min = minDate; input.max = realDay(maxDate); }
    input.addEventListener("change", function () {
      state[id === "date-from" ? "from" : "to"] = input.value;
      apply();
    });
  });
  $("undated").addEventListener("change", function () { state.undated = $("undated").checked; apply(); });
  $("reset").addEventListener("click", function () {
    state.from = state.to = "";
    state.undated = true;
    $("date-from").value = $("date-to").value = "";
    $("undated").checked = true;
    document.querySelectorAll("#filters input[type=checkbox]").forEach(function (box) { box.checked = true; });
    D.modes.forEach(function (m) { state.modes[m] = true; });
    D.statuses.forEach(function (s) { state.statuses[s] = true; });
    apply();
  });
  view.setDates = function (from, to) {
    state.from = $("date-from").value = from || "";
    state.to = $("date-to").value = to || "";
    apply();
  };

  /* Legend: what each colour means, with the number of leaders currently shown. */
  function drawLegend() {
    var ul = $("legend");
    clear(ul);
    var groups = [], counts = {};
    D.nodes.forEach(function (nd, i) {
      if (!nodeCount[i]) { return; }
      var key = state.colourBy === "country" ? (countryColour[nd.country] ? nd.country : "\u0000other") : nd.region;
      counts[key] = (counts[key] || 0) + 1;
    });
    if (state.colourBy === "country") {
      Object.keys(countryColour).forEach(function (k) {
        groups.push([k, D.countries[k] || k, countryColour[k]]);
      });
      groups.push(["\u0000other", T.other_countries, OTHER]);
    } else {
      Object.keys(D.regions).forEach(function (r) { groups.push([r, D.regions[r], D.regionColours[r] || OTHER]); });
    }
    groups.forEach(function (g) {
      if (!counts[g[0]]) { return; }
      var li = el("li");
      var sw = el("span", "swatch");
      sw.style.background = g[2];
      li.appendChild(sw);
      li.appendChild(el("span", "legend-name", g[1]));
      li.appendChild(el("span", "legend-count", counts[g[0]]));
      ul.appendChild(li);
    });
  }
  $("colour-by").value = state.colourBy;
  $("colour-by").addEventListener("change", function () {
    state.colourBy = $("colour-by").value;
    nodes.update(D.nodes.map(function (nd, i) { return {id: i, color: colourOf(nd)}; }));
    drawLegend();
  });

  /* Side panel: the full list of a leader's or a pair's contacts, with every source. */
  var panel = {kind: null, id: null, all: false};
  function personButton(i) {
    var b = el("button", "person", D.nodes[i].label);
    b.type = "button";
    b.addEventListener("click", function () { selectLeader(i); });
    return b;
  }
  function contactItem(c, except) {
    var li = el("li", "contact status-" + c.s);
    li.appendChild(el("div", "what", contactHead(c)));
    var others = c.p.filter(function (p) { return except.indexOf(p) < 0; });
    if (others.length) {
      var w = el("div", "with", T.with + " ");
      others.forEach(function (p, k) {
        if (k) { w.appendChild(document.createTextNode(", ")); }
        w.appendChild(personButton(p));
      });
      li.appendChild(w);
    }
    var t = topicsOf(c);
    if (t.length) { li.appendChild(el("div", "topics", T.topics + ": " + t.join(", "))); }
    c.e.forEach(function (s) {
      var a = D.articles[s[0]];
      var div = el("div", "source");
      div.appendChild(el("span", "source-title", articleTitle(a)));
      var meta = [a.id, a.issued ? T.issued + " " + a.issued : ""].filter(Boolean).join(", ");
      if (meta) { div.appendChild(el("span", "source-meta", " (" + meta + ")")); }
      if (s[1]) { div.appendChild(el("blockquote", null, s[1])); }
      li.appendChild(div);
    });
    return li;
  }
  function renderPanel() {
    var body = $("panel-body");
    clear(body);
    var all, title, meta, except;
    if (panel.kind === "node") {
      var nd = D.nodes[panel.id];
      title = nd.label;
      meta = [countryName(nd), D.regions[nd.region], nd.unlinked ? T.unlinked : ""].filter(Boolean).join(" · ");
      all = nodeContacts[panel.id];
      except = [panel.id];
    } else {
      var e = D.edges[panel.id];
      title = D.nodes[e.from].label + " – " + D.nodes[e.to].label;
      meta = "";
      all = e.c;
      except = [e.from, e.to];
    }
    var list = all.filter(function (ci) { return shown[ci]; });
    body.appendChild(el("h2", null, title));
    if (meta) { body.appendChild(el("p", "meta", meta)); }
    body.appendChild(el("p", "meta", count(all.length) + (list.length === all.length ? "" :
      ", " + list.length + " " + T.shown)));
    var ol = el("ol");
    var limit = panel.all ? list.length : Math.min(list.length, PANEL_CONTACTS);
    // Contacts come from Python sorted by date, undated last: index order is date order.
    list.slice(0, limit).forEach(function (ci) { ol.appendChild(contactItem(D.contacts[ci], except)); });
    body.appendChild(ol);
    if (limit < list.length) {
      var more = el("button", null, T.show_all + " (" + list.length + ")");
      more.type = "button";
      more.addEventListener("click", function () { panel.all = true; renderPanel(); });
      body.appendChild(more);
    }
    $("panel").hidden = false;
  }
  function openPanel(kind, id) {
    panel = {kind: kind, id: id, all: false};
    renderPanel();
  }
  function closePanel() {
    panel = {kind: null, id: null, all: false};
    $("panel").hidden = true;
  }
  function refreshPanel() { if (panel.kind !== null) { renderPanel(); } }
  $("panel-close").addEventListener("click", closePanel);
  network.on("click", function (params) {
    if (params.nodes.length) { openPanel("node", params.nodes[0]); } else if (params.edges.length) {
      openPanel("edge", params.edges[0]);
    } else { closePanel(); }
  });
  view.openPanel = openPanel;

  /* Search: pick from the list or type part of a name (accents and case do not matter). */
  var folded = D.nodes.map(function (nd) { return fold(nd.label); });
  (function () {
    var list = $("leader-names");
    var seen = {};
    D.nodes.map(function (nd) { return nd.label; }).sort().forEach(function (label) {
      if (seen[label]) { return; }
      seen[label] = true;
      var opt = el("option");
      opt.value = label;
      list.appendChild(opt);
    });
  })();
  function findLeader(text) {
    var q = fold(text.trim());
    if (!q) { return -1; }
    var tests = [function (s) { return s === q; }, function (s) { return s.indexOf(q) === 0; },
                 function (s) { return s.indexOf(q) >= 0; }];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < folded.length; i++) { if (tests[t](folded[i])) { return i; } }
    }
    return -1;
  }
  function selectLeader(i) {
    $("search-message").textContent = nodeCount[i] ? "" : D.nodes[i].label + ": " + T.hidden;
    network.selectNodes([i]);
    if (nodeCount[i]) { network.focus(i, {scale: Math.max(network.getScale(), 1), animation: {duration: 300}}); }
    openPanel("node", i);
  }
  $("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var value = $("search-input").value;
    var i = findLeader(value);
    if (i < 0) { $("search-message").textContent = T.not_found + " “" + short(value, 60) + "”"; return; }
    selectLeader(i);
  });
  view.findLeader = findLeader;

  /* Timeline: contacts per month (or per year over long spans), shaded where the date filter keeps them. */
  var TL = {canvas: $("timeline-canvas"), n: 0, unit: 1, start: 0, drag: null};
  function monthIndex(iso) { return (+iso.slice(0, 4)) * 12 + (iso.length >= 7 ? +iso.slice(5, 7) - 1 : 0); }
  if (dated.length) {
    var m0 = monthIndex(minDate), m1 = monthIndex(maxDate);
    TL.unit = m1 - m0 + 1 > 240 ? 12 : 1;
    TL.start = TL.unit === 12 ? m0 - (m0 % 12) : m0;
    TL.n = Math.floor((m1 - TL.start) / TL.unit) + 1;
  }
  function bucketOf(iso) { return Math.floor((monthIndex(iso) - TL.start) / TL.unit); }
  function bucketStart(b) {
    var m = TL.start + b * TL.unit;
    return String(Math.floor(m / 12)).padStart(4, "0") + "-" + String(m % 12 + 1).padStart(2, "0") + "-01";
  }
  function bucketEnd(b) {
    var m = TL.start + (b + 1) * TL.unit;  // first month after the bucket; day 0 of it is the bucket's last day
    var d = new Date(Date.UTC(Math.floor(m / 12), m % 12, 0));
    return d.toISOString().slice(0, 10);
  }
  function drawTimeline() {
    var cv = TL.canvas, ratio = window.devicePixelRatio || 1;
    var w = cv.clientWidth, h = cv.clientHeight;
    cv.width = Math.max(1, Math.round(w * ratio));
    cv.height = Math.max(1, Math.round(h * ratio));
    var g = cv.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    var undated = 0;
    D.contacts.forEach(function (c) { if (!c.d && passesKind(c)) { undated++; } });
    $("timeline-undated").textContent = undated ? undated + " " + T.undated_count : "";
    if (!TL.n) { return; }
    var inside = new Float64Array(TL.n), outside = new Float64Array(TL.n);
    D.contacts.forEach(function (c) {
      if (!c.d || !passesKind(c)) { return; }
      // A coarse date spreads its one contact over the buckets it covers.
      var b0 = bucketOf(lo(c.d)), b1 = bucketOf(hi(c.d)), wgt = 1 / (b1 - b0 + 1);
      var target = passesDate(c) ? inside : outside;
      for (var b = b0; b <= b1; b++) { target[b] += wgt; }
    });
    var top = 0;
    for (var b = 0; b < TL.n; b++) { top = Math.max(top, inside[b] + outside[b]); }
    var axis = 14, bw = w / TL.n, scale = top ? (h - axis - 4) / top : 0;
    for (b = 0; b < TL.n; b++) {
      var x = b * bw, hin = inside[b] * scale, hout = outside[b] * scale;
      g.fillStyle = "#4e79a7";
      g.fillRect(x, h - axis - hin, Math.max(bw - 1, 1), hin);
      g.fillStyle = "#c9d2dc";
      g.fillRect(x, h - axis - hin - hout, Math.max(bw - 1, 1), hout);
    }
    g.fillStyle = "#4a5868";
    g.font = "10px system-ui, sans-serif";
    var perYear = 12 / TL.unit, step = 1;
    while (step * perYear * bw < 36) { step++; }
    for (b = 0; b < TL.n; b++) {
      var month = TL.start + b * TL.unit;
      var year = String(Math.floor(month / 12));
      if (month % 12 === 0 && Math.floor(month / 12) % step === 0 && b * bw + g.measureText(year).width < w) {
        g.fillText(year, b * bw + 1, h - 3);
      }
    }
    if (TL.drag) {
      var a = Math.min(TL.drag[0], TL.drag[1]), z = Math.max(TL.drag[0], TL.drag[1]);
      g.fillStyle = "rgba(31, 59, 99, 0.18)";
      g.fillRect(a * bw, 0, (z - a + 1) * bw, h - axis);
    }
  }
  function bucketAt(ev) {
    var r = TL.canvas.getBoundingClientRect();
    return Math.min(TL.n - 1, Math.max(0, Math.floor((ev.clientX - r.left) / (r.width / TL.n))));
  }
  TL.canvas.addEventListener("mousedown", function (ev) {
    if (!TL.n) { return; }
    var b = bucketAt(ev);
    TL.drag = [b, b];
    drawTimeline();
  });
  TL.canvas.addEventListener("mousemove", function (ev) {
    if (TL.drag) { TL.drag[1] = bucketAt(ev); drawTimeline(); }
  });
  window.addEventListener("mouseup", function () {
    if (!TL.drag) { return; }
    var a = Math.min(TL.drag[0], TL.drag[1]), z = Math.max(TL.drag[0], TL.drag[1]);
    TL.drag = null;
    view.setDates(bucketStart(a), bucketEnd(z));
  });
  TL.canvas.addEventListener("dblclick", function () { view.setDates("", ""); });
  window.addEventListener("resize", drawTimeline);

  updateCounts();
  drawLegend();
  drawTimeline();
})();
