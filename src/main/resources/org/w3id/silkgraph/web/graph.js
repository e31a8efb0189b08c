// SilkGraph explorer and overview: what both pages share. The graph is read only through the
// SPARQL endpoint that /queries.json names (POST, SPARQL 1.1 protocol), so the pages also work
// when served as static files next to a stock Fuseki that serves a SilkGraph dump.
// Everything that comes from the graph is inserted as text (textContent), never as HTML.
'use strict';

window.SG = (function () {
  const NS = {
    sg: 'https://w3id.org/silkgraph/ontology#',
    id: 'https://w3id.org/silkgraph/id/',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    skos: 'http://www.w3.org/2004/02/skos/core#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    prov: 'http://www.w3.org/ns/prov#',
    dcterms: 'http://purl.org/dc/terms/',
    text: 'http://jena.apache.org/text#'
  };
  const PREFIXES = Object.entries(NS).map(([p, iri]) => 'PREFIX ' + p + ': <' + iri + '>').join('\n') + '\n';

  // Class families: one colour each in the pictures. Specific classes map to their family.
  const FAMILIES = {
    country: { zh: '国家', en: 'Country', color: '#1e4fd8' },
    place: { zh: '地点', en: 'Place', color: '#0e9384' },
    organization: { zh: '机构', en: 'Organization', color: '#7a5af8' },
    person: { zh: '人物', en: 'Person', color: '#dd6b20' },
    event: { zh: '活动', en: 'Event', color: '#d92d6f' },
    work: { zh: '标准·计划·协议', en: 'Standard, program, agreement', color: '#ca8504' },
    document: { zh: '文档', en: 'Document', color: '#667085' },
    other: { zh: '其他', en: 'Other', color: '#98a2b3' }
  };

  // Classes of the ontology: Chinese and English labels, the family, and whether it is a top class.
  const CLASSES = {
    Place: ['地点', 'Place', 'place', true], Country: ['国家', 'Country', 'country'],
    Province: ['省级行政区', 'Province', 'place'], City: ['城市', 'City', 'place'],
    County: ['县级行政区', 'County', 'place'], Region: ['区域', 'Region', 'place'],
    Organization: ['机构', 'Organization', 'organization', true], Lab: ['实验室', 'Laboratory', 'organization'],
    GovernmentBody: ['政府机构', 'Government body', 'organization'],
    University: ['高等院校', 'University', 'organization'],
    ResearchInstitute: ['科研机构', 'Research institute', 'organization'],
    Association: ['社会团体', 'Association', 'organization'], Company: ['企业', 'Company', 'organization'],
    InternationalOrganization: ['国际组织', 'International organization', 'organization'],
    MediaOrganization: ['媒体', 'Media organization', 'organization'], Hospital: ['医院', 'Hospital', 'organization'],
    Event: ['活动', 'Event', 'event', true], Conference: ['大会', 'Conference', 'event'],
    Forum: ['论坛', 'Forum', 'event'], Exhibition: ['展会', 'Exhibition', 'event'],
    Meeting: ['会议', 'Meeting', 'event'], PressConference: ['发布会', 'Press conference', 'event'],
    Roadshow: ['路演', 'Roadshow', 'event'], Visit: ['访问', 'Visit', 'event'],
    Standard: ['标准', 'Standard', 'work'], Program: ['计划', 'Program', 'work'],
    Agreement: ['协议', 'Agreement', 'work'], Person: ['人物', 'Person', 'person'],
    Document: ['来源文档', 'Source document', 'document'], Sentence: ['句子', 'Sentence', 'other'],
    FactStatement: ['事实陈述', 'Fact statement', 'other']
  };

  // Fact properties in the order the entity page shows them. "inv" names the group of facts
  // that point at the entity (the entity is the object). "structural" ones usually come from the
  // gazetteers or the shape of a name (重庆市 is in 中国), not from a sentence.
  const PROPERTIES = {
    cooperatesWith: { zh: '合作', en: 'cooperates with', symmetric: true },
    heldIn: { zh: '举办地', en: 'held in', inv: ['在此举办的活动', 'events held here'] },
    startDate: { zh: '开始日期', en: 'start date', literal: true },
    endDate: { zh: '结束日期', en: 'end date', literal: true },
    organizedBy: { zh: '主办', en: 'organized by', inv: ['主办的活动', 'organized'] },
    hostedBy: { zh: '承办', en: 'hosted by', inv: ['承办的活动', 'hosted'] },
    leads: { zh: '牵头', en: 'leads', inv: ['牵头方', 'led by'] },
    affiliatedWith: { zh: '任职于', en: 'affiliated with', inv: ['任职人员', 'people'] },
    publishedBy: { zh: '发布', en: 'published by', inv: ['发布的标准', 'published'] },
    partOf: { zh: '隶属', en: 'part of', inv: ['下属机构', 'units'], structural: true },
    hasMember: { zh: '包括', en: 'has member', inv: ['所属区域', 'member of'], structural: true },
    locatedIn: { zh: '位于', en: 'located in', inv: ['位于此地', 'located here'], structural: true }
  };
  const LINK_PROPERTIES = Object.keys(PROPERTIES).filter((p) => !PROPERTIES[p].literal);
  const FACT_PROPERTIES = Object.keys(PROPERTIES);

  function local(iri) {
    const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.slice(cut + 1);
  }

  function classInfo(iri) {
    if (!iri.startsWith(NS.sg)) return null;
    const c = CLASSES[local(iri)];
    if (!c) return { name: local(iri), zh: local(iri), en: local(iri), family: 'other', top: false };
    return { name: local(iri), zh: c[0], en: c[1], family: c[2], top: !!c[3] };
  }

  /** The family of an entity from its classes' IRIs; Country wins over Place. */
  function familyOf(classIris) {
    const families = new Set(classIris.map(classInfo).filter(Boolean).map((c) => c.family));
    for (const f of ['country', 'event', 'person', 'organization', 'work', 'place', 'document'])
      if (families.has(f)) return f;
    return 'other';
  }

  /** Specific classes first, then top classes; only the ontology's. */
  function sortedClasses(classIris) {
    return classIris.map(classInfo).filter(Boolean)
      .sort((a, b) => (a.top - b.top) || a.en.localeCompare(b.en));
  }

  // ---- SPARQL ------------------------------------------------------------------------------------

  let endpointPromise = null;

  function endpoint() {
    if (!endpointPromise) {
      endpointPromise = fetch('queries.json', { headers: { Accept: 'application/json' } })
        .then(async (response) => {
          if (!response.ok) throw new QueryError('Cannot find the SPARQL endpoint', 'queries.json: HTTP ' + response.status);
          return (await response.json()).endpoint;
        });
    }
    return endpointPromise;
  }

  class QueryError extends Error {
    constructor(title, detail) {
      super(title + (detail ? ': ' + detail : ''));
      this.title = title;
      this.detail = detail || '';
    }
  }

  /**
   * What each query and drawing step of the page took: {what, start, ms, rows, query}, on the
   * performance.now() clock, for timing a page (the last 300).
   */
  const timings = [];

  function note(timing) {
    timings.push(timing);
    if (timings.length > 300) timings.splice(0, timings.length - 300);
  }

  /** Runs a step of drawing a page and notes its time with the queries'. */
  function time(what, step) {
    const start = performance.now();
    const result = step();
    note({ what, start: Math.round(start), ms: Math.round(performance.now() - start), rows: 0, query: null });
    return result;
  }

  /** Runs a SELECT (the prefixes above are added) and returns its bindings as plain objects of terms. */
  async function select(query, what) {
    const url = await endpoint();
    const start = performance.now();
    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
          Accept: 'application/sparql-results+json'
        },
        body: new URLSearchParams({ query: PREFIXES + query }).toString()
      });
    } catch (e) {
      throw new QueryError('No answer from the SPARQL endpoint' + (what ? ' (' + what + ')' : ''), e.message);
    }
    const text = await response.text();
    if (!response.ok) {
      let message = text.replace(/\n*Fuseki - version[^\n]*\n?$/, '').trim();
      if (response.status === 503) message += '\nThe query ran longer than the server allows, or the server is busy.';
      throw new QueryError('HTTP ' + response.status + ' from the SPARQL endpoint' + (what ? ' (' + what + ')' : ''), message);
    }
    const rows = JSON.parse(text).results.bindings;
    note({ what: what || '', start: Math.round(start), ms: Math.round(performance.now() - start), rows: rows.length, query });
    return rows;
  }

  /**
   * Whether the store keeps each document's triples in a graph of its own (SilkGraph's stores and
   * TriG/N-Quads dumps do). Then a fact's support is the number of document graphs that hold it,
   * read from the quad indexes, and an entity's names are read in one document's graph, which is
   * fast even for 中国, named in 54,000 documents. A dump loaded into the default graph alone works
   * too, with slower queries through the fact statements.
   */
  let namedGraphs = null;

  function hasNamedGraphs() {
    if (namedGraphs === null)
      namedGraphs = select('SELECT ?g WHERE { GRAPH ?g { ?s a sg:Document } } LIMIT 1', 'named graphs')
        .then((rows) => rows.length > 0);
    return namedGraphs;
  }

  /** A term as SPARQL text: an IRI in angle brackets (checked), a string literal with escapes. */
  function iriRef(iri) {
    if (/[\s<>"{}|^`\\]/.test(iri)) throw new QueryError('Not an IRI', iri);
    return '<' + iri + '>';
  }

  function stringLiteral(text) {
    return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
  }

  function value(row, name) {
    const term = row[name];
    return term ? term.value : null;
  }

  function number(row, name) {
    const v = value(row, name);
    return v === null ? 0 : Number(v);
  }

  // ---- links and text ----------------------------------------------------------------------------

  function entityHref(iri) {
    return 'explorer.html#e=' + encodeURIComponent(iri);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function entityLink(iri, label, family) {
    const a = element('a', 'entity-link' + (family ? ' family-' + family : ''), label || local(decodeIri(iri)));
    a.href = entityHref(iri);
    a.dataset.iri = iri;
    return a;
  }

  function decodeIri(iri) {
    try {
      return decodeURIComponent(iri);
    } catch (e) {
      return iri;
    }
  }

  /** A short readable IRI: id:country/RU. */
  function shortIri(iri) {
    const decoded = decodeIri(iri);
    for (const [prefix, ns] of Object.entries(NS))
      if (decoded.startsWith(ns)) return prefix + ':' + decoded.slice(ns.length);
    return decoded;
  }

  function classChip(info) {
    const chip = element('span', 'chip family-' + info.family, info.zh);
    chip.title = info.en;
    chip.dataset.class = info.name;
    return chip;
  }

  /**
   * The sentence as text nodes, with the given names marked (<mark>, longest first, not overlapping).
   * Only text nodes and mark elements are made, so the sentence is never parsed as HTML.
   */
  function highlighted(sentence, names, className) {
    const wanted = [...new Set(names.filter((n) => n && n.length >= 1))].sort((a, b) => b.length - a.length);
    const fragment = document.createDocumentFragment();
    let rest = sentence;
    while (rest.length > 0) {
      let best = -1;
      let bestName = null;
      for (const name of wanted) {
        const at = rest.indexOf(name);
        if (at >= 0 && (best < 0 || at < best || (at === best && name.length > bestName.length))) {
          best = at;
          bestName = name;
        }
      }
      if (best < 0) {
        fragment.append(document.createTextNode(rest));
        break;
      }
      if (best > 0) fragment.append(document.createTextNode(rest.slice(0, best)));
      fragment.append(element('mark', className, bestName));
      rest = rest.slice(best + bestName.length);
    }
    return fragment;
  }

  /** A date value as shown: 2023-11-06, or 11月6日 (year unknown) for --11-06. */
  function dateText(v) {
    const md = /^--(\d\d)-(\d\d)$/.exec(v);
    if (md) return Number(md[1]) + '月' + Number(md[2]) + '日';
    return v;
  }

  function showError(box, error) {
    box.replaceChildren(element('p', 'error-title', error.title || 'Something went wrong'));
    const detail = error.title ? error.detail : error.message;
    if (detail) box.append(element('pre', 'error-message', detail));
    box.hidden = false;
  }

  function plural(n, one, many) {
    return n.toLocaleString('en') + ' ' + (n === 1 ? one : many);
  }

  /**
   * ECharts, once its script has run. The pages load it last (1 MB to parse), so that their
   * queries start without waiting for it; only drawing waits.
   */
  const echartsReady = new Promise((resolve, reject) => {
    if (window.echarts) {
      resolve(window.echarts);
      return;
    }
    const script = document.getElementById('echarts-script');
    script.addEventListener('load', () => resolve(window.echarts));
    script.addEventListener('error', () => reject(new QueryError('Cannot load the chart library', script.src)));
  });

  /**
   * The chart in a box, made once and resized with the box (the window's size, and a scroll bar
   * that comes or goes, change it).
   */
  function chartIn(box) {
    let chart = echarts.getInstanceByDom(box);
    if (!chart) {
      chart = echarts.init(box, null, { renderer: 'canvas' });
      new ResizeObserver(() => {
        if (box.clientWidth !== chart.getWidth() || box.clientHeight !== chart.getHeight()) chart.resize();
      }).observe(box);
    }
    return chart;
  }

  /**
   * Places the nodes of a graph by forces: every two nodes push each other apart, a link pulls its
   * ends towards its length (lengthOf), a weak pull holds the whole together. The center node stays
   * in the middle; the others start on a circle around it (a node two steps away beyond the
   * neighbour it hangs from), so the same graph is drawn the same way every time. Computed here, in
   * a few milliseconds, rather than by ECharts' own force layout, which redraws at every step.
   */
  function layOut(nodes, links, centerId, lengthOf, gravity) {
    const n = nodes.length;
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const parent = new Map();
    for (const link of links) {
      if (link.source === centerId || link.target === centerId) continue;
      for (const [a, b] of [[link.source, link.target], [link.target, link.source]]) {
        const other = nodes[index.get(b)];
        if (!parent.has(a) && other && other.hop === 1) parent.set(a, b);
      }
    }
    const ring = nodes.filter((node) => node.id !== centerId && node.hop !== 2);
    ring.forEach((node, k) => {
      const angle = 2 * Math.PI * k / ring.length;
      x[index.get(node.id)] = 120 * Math.cos(angle);
      y[index.get(node.id)] = 120 * Math.sin(angle);
    });
    let outer = 0;
    nodes.forEach((node, i) => {
      if (node.id === centerId || node.hop !== 2) return;
      const p = index.get(parent.get(node.id));
      const [px, py] = p === undefined ? [120, 0] : [x[p], y[p]];
      const turn = 0.3 * ((outer++ % 5) - 2);
      x[i] = 1.8 * (px * Math.cos(turn) - py * Math.sin(turn));
      y[i] = 1.8 * (px * Math.sin(turn) + py * Math.cos(turn));
    });
    const edges = links.map((l) => [index.get(l.source), index.get(l.target), lengthOf(l)])
      .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    const center = index.get(centerId);
    const iterations = n > 100 ? 150 : 300;
    const repulsion = 2500;
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let it = 0; it < iterations; it++) {
      dx.fill(0);
      dy.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const ex = x[i] - x[j];
          const ey = y[i] - y[j];
          const d2 = Math.max(ex * ex + ey * ey, 1);
          const f = repulsion / d2;
          dx[i] += ex * f; dy[i] += ey * f;
          dx[j] -= ex * f; dy[j] -= ey * f;
        }
      }
      for (const [a, b, length] of edges) {
        const ex = x[a] - x[b];
        const ey = y[a] - y[b];
        const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
        const f = 0.2 * (d - length) / d;
        dx[a] -= ex * f; dy[a] -= ey * f;
        dx[b] += ex * f; dy[b] += ey * f;
      }
      const temperature = 30 * (1 - it / iterations) + 0.5;
      for (let i = 0; i < n; i++) {
        if (i === center) continue;
        dx[i] -= gravity * x[i];
        dy[i] -= gravity * y[i];
        const move = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (move > temperature) {
          dx[i] *= temperature / move;
          dy[i] *= temperature / move;
        }
        x[i] += dx[i];
        y[i] += dy[i];
      }
    }
    return nodes.map((node, i) => Object.assign({}, node, { x: x[i], y: y[i] }));
  }

  /**
   * Draws a graph series at the places layOut gives its nodes, fitted into the chart with room
   * around it for the labels (margin: [top, right, bottom, left] in pixels) and the picture's
   * aspect ratio kept. What every picture shares (no animation, the CJK font, plain-text
   * tooltips, a pannable and zoomable graph with labels on the right) is set here; the option
   * gives the rest.
   */
  function drawGraph(chart, option, centerId, lengthOf, gravity, margin) {
    Object.assign(option, { animation: false, textStyle: { fontFamily: FONT } });
    if (option.tooltip) option.tooltip.renderMode = 'richText';
    const series = Object.assign({ label: { position: 'right', color: '#1c2333' } }, option.series[0],
      { type: 'graph', layout: 'none', roam: true, draggable: true });
    option.series[0] = series;
    series.data = time('lay out', () => layOut(series.data, series.links, centerId, lengthOf, gravity || 0.01));
    // Labels point away from the middle, so that those at the edges stay inside the chart.
    const xs = series.data.map((n) => n.x);
    const ys = series.data.map((n) => n.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (const n of series.data)
      if (n.id !== centerId) n.label = Object.assign({}, n.label, { position: n.x < (minX + maxX) / 2 ? 'left' : 'right' });
    chart.resize();   // the box may have changed since the chart was made
    const [top, right, bottom, left] = margin || [24, 80, 24, 80];
    const room = [Math.max(chart.getWidth() - left - right, 40), Math.max(chart.getHeight() - top - bottom, 40)];
    const aspect = Math.max(maxX - minX, 1) / Math.max(maxY - minY, 1);
    const [width, height] = room[0] / room[1] > aspect ? [room[1] * aspect, room[1]] : [room[0], room[0] / aspect];
    Object.assign(series, { width, height, left: left + (room[0] - width) / 2, top: top + (room[1] - height) / 2 });
    chart.clear();   // no highlight or hover state left over from the previous picture
    time('draw', () => chart.setOption(option, true));
  }

  const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Segoe UI", Arial, sans-serif';

  return {
    NS, FAMILIES, CLASSES, PROPERTIES, LINK_PROPERTIES, FACT_PROPERTIES, FONT,
    local, classInfo, familyOf, sortedClasses, select, hasNamedGraphs, iriRef, stringLiteral, value, number,
    entityHref, element, entityLink, shortIri, decodeIri, classChip, highlighted, dateText, showError, plural,
    echartsReady, chartIn, drawGraph, QueryError, timings, time
  };
})();
