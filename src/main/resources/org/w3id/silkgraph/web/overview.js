// SilkGraph overview: cooperation between countries (a network and a table of pairs) and a timeline
// of events, both filtered by year (overview.html#year=2023). Reads the graph only through the SPARQL
// endpoint; graph text is inserted as text, never as HTML.
'use strict';

(function () {
  const { element, select, value, number } = SG;
  const $ = (id) => document.getElementById(id);

  const PAIRS_IN_PICTURE = 100;
  const PAIRS_IN_TABLE = 100;
  const TIMELINE_ROWS = 300;
  const UNKNOWN = 'unknown';

  let cooperation = [];   // {a, b, al, bl, year, docs}: documents of a pair in a year (or UNKNOWN)
  let events = [];        // {iri, label, start, end, year, places: [], organizers: [], hosts: []}
  let started = performance.now();

  const COUNTRY = 'https://w3id.org/silkgraph/id/country/';

  /**
   * Cooperation between countries: the pairs with the documents that state them, and apart, the
   * pairs in documents that have a year (the document's date, else its earliest dated event).
   * Countries are told by their IRIs (id/country/…, the public naming scheme), which costs nothing,
   * where their rdf:type would be looked up 15,000 times on the whole corpus.
   */
  async function loadCooperation(graphs) {
    const countries = `FILTER(STRSTARTS(STR(?a), "${COUNTRY}") && STRSTARTS(STR(?b), "${COUNTRY}"))`;
    const years = `
    { ?doc dcterms:date ?published BIND(YEAR(?published) AS ?py) }
    UNION { ?s rdf:predicate sg:startDate ; rdf:object ?d ; prov:wasDerivedFrom ?doc
            FILTER(DATATYPE(?d) = xsd:date) BIND(YEAR(?d) AS ?ey) }`;
    const [pairs, dated] = await Promise.all([select(graphs ? `
SELECT ?a ?b ?docs ?al ?bl WHERE {
  { SELECT ?a ?b (COUNT(?g) AS ?docs) (SAMPLE(?g) AS ?g1) WHERE { GRAPH ?g { ?a sg:cooperatesWith ?b } ${countries} }
    GROUP BY ?a ?b }
  OPTIONAL { GRAPH ?g1 { ?a rdfs:label ?al } }
  OPTIONAL { GRAPH ?g1 { ?b rdfs:label ?bl } }
}` : `
SELECT ?a ?b ?docs ?al ?bl WHERE {
  { SELECT ?a ?b (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
      ?st rdf:predicate sg:cooperatesWith ; rdf:subject ?a ; rdf:object ?b ; prov:wasDerivedFrom ?doc . ${countries} }
    GROUP BY ?a ?b }
  OPTIONAL { ?a rdfs:label ?al }
  OPTIONAL { ?b rdfs:label ?bl }
}`, 'cooperation between countries'), select(graphs ? `
SELECT ?a ?b ?year (COUNT(?g) AS ?docs) WHERE {
  { SELECT ?g (COALESCE(MIN(?py), MIN(?ey)) AS ?year) WHERE { GRAPH ?g { ${years.replace(/\?doc/g, '?g')} } } GROUP BY ?g }
  GRAPH ?g { ?a sg:cooperatesWith ?b } ${countries}
} GROUP BY ?a ?b ?year` : `
SELECT ?a ?b ?year (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
  { SELECT ?doc (COALESCE(MIN(?py), MIN(?ey)) AS ?year) WHERE { ${years} } GROUP BY ?doc }
  ?st rdf:predicate sg:cooperatesWith ; rdf:subject ?a ; rdf:object ?b ; prov:wasDerivedFrom ?doc . ${countries}
} GROUP BY ?a ?b ?year`, 'cooperation by year')]);
    // One entry per pair and year; what no year is known for goes to UNKNOWN.
    const result = [];
    const byPair = new Map();
    for (const r of pairs) {
      let [a, b, al, bl] = [value(r, 'a'), value(r, 'b'), value(r, 'al'), value(r, 'bl')];
      if (a > b) [a, b, al, bl] = [b, a, bl, al];
      const key = a + ' ' + b;
      if (!byPair.has(key)) byPair.set(key, { a, b, al: al || SG.local(a), bl: bl || SG.local(b), docs: 0 });
      byPair.get(key).docs += number(r, 'docs');
    }
    const withYear = new Map();
    for (const r of dated) {
      if (!value(r, 'year')) continue;
      let [a, b] = [value(r, 'a'), value(r, 'b')];
      if (a > b) [a, b] = [b, a];
      const pair = byPair.get(a + ' ' + b);
      if (!pair) continue;
      const year = String(Number(value(r, 'year')));
      result.push({ a, b, al: pair.al, bl: pair.bl, year, docs: number(r, 'docs') });
      withYear.set(a + ' ' + b, (withYear.get(a + ' ' + b) || 0) + number(r, 'docs'));
    }
    for (const [key, pair] of byPair) {
      const unknown = pair.docs - (withYear.get(key) || 0);
      if (unknown > 0) result.push(Object.assign({}, pair, { year: UNKNOWN, docs: unknown }));
    }
    return result;
  }

  async function load() {
    try {
      const graphs = await SG.hasNamedGraphs();
      const [coop, dated, links] = await Promise.all([
        loadCooperation(graphs),
        select(`
SELECT ?e ?label ?start ?end WHERE {
  ?e sg:startDate ?start .
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e sg:endDate ?end }
}`, 'dated events'),
        // Names of places and organizers, read in a document graph that links them to the event.
        select(graphs ? `
SELECT DISTINCT ?e ?role ?x ?xl WHERE {
  { SELECT DISTINCT ?e WHERE { ?e sg:startDate ?d } }
  VALUES ?role { sg:heldIn sg:organizedBy sg:hostedBy }
  GRAPH ?g { ?e ?role ?x OPTIONAL { ?x rdfs:label ?xl } }
}` : `
SELECT DISTINCT ?e ?role ?x ?xl WHERE {
  { SELECT DISTINCT ?e WHERE { ?e sg:startDate ?d } }
  VALUES ?role { sg:heldIn sg:organizedBy sg:hostedBy }
  ?e ?role ?x .
  OPTIONAL { ?x rdfs:label ?xl }
}`, 'places and organizers of events')
      ]);
      cooperation = coop;
      const byIri = new Map();
      for (const r of dated) {
        const iri = value(r, 'e');
        if (!byIri.has(iri))
          byIri.set(iri, { iri, label: value(r, 'label') || SG.local(SG.decodeIri(iri)), starts: new Set(), ends: new Set(),
            places: new Map(), organizers: new Map(), hosts: new Map() });
        byIri.get(iri).starts.add(value(r, 'start'));
        if (value(r, 'end')) byIri.get(iri).ends.add(value(r, 'end'));
      }
      for (const r of links) {
        const ev = byIri.get(value(r, 'e'));
        if (!ev) continue;
        const role = SG.local(value(r, 'role'));
        const target = role === 'heldIn' ? ev.places : role === 'organizedBy' ? ev.organizers : ev.hosts;
        target.set(value(r, 'x'), value(r, 'xl') || SG.local(SG.decodeIri(value(r, 'x'))));
      }
      events = [...byIri.values()].map((ev) => {
        // The earliest full date if there is one, else the earliest month-day.
        const starts = [...ev.starts].sort((x, y) => compare(key(x), key(y)));
        const start = starts[0];
        const ends = [...ev.ends].sort((x, y) => compare(key(y), key(x)));
        const full = /^\d{4}-/.test(start);
        return Object.assign(ev, { start, end: ends[0] || null, year: full ? String(Number(start.slice(0, 4))) : UNKNOWN });
      });
      events.sort((x, y) => compare(key(x.start), key(y.start)) || x.label.localeCompare(y.label, 'zh'));
      fillYears();
      await SG.echartsReady;
      render();
    } catch (e) {
      console.warn(e);
      SG.showError($('error'), e);
      for (const id of ['cooperation-status', 'timeline-status']) $(id).textContent = '';
      rendered();
    }
  }

  /** Sorts full dates by date and puts month-days (no year) after all of them. */
  function key(date) {
    return date.startsWith('--') ? '~' + date : date;
  }

  /** By code points, not by locale: '~' must sort after the digits. */
  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function fillYears() {
    const years = new Set([...cooperation.map((c) => c.year), ...events.map((e) => e.year)]);
    const known = [...years].filter((y) => y !== UNKNOWN).sort().reverse();
    const select = $('year');
    const options = [new Option('All years', '')];
    for (const y of known) options.push(new Option(y, y));
    if (years.has(UNKNOWN)) options.push(new Option('Year unknown', UNKNOWN));
    select.replaceChildren(...options);
    select.value = wantedYear();
    if (select.value !== wantedYear()) select.value = '';
    select.disabled = false;
  }

  function wantedYear() {
    return new URLSearchParams(location.hash.slice(1)).get('year') || '';
  }

  $('year').addEventListener('change', () => {
    const y = $('year').value;
    history.replaceState(null, '', y ? '#year=' + encodeURIComponent(y) : location.pathname);
    started = performance.now();
    render();
  });

  window.addEventListener('hashchange', () => {
    if ($('year').disabled) return;   // not loaded yet; load() reads the address itself
    $('year').value = wantedYear();
    started = performance.now();
    render();
  });

  function render() {
    delete document.body.dataset.rendered;
    const year = $('year').value;
    renderCooperation(year);
    renderTimeline(year);
    rendered();
  }

  function rendered() {
    document.body.dataset.renderMs = String(Math.round(performance.now() - started));
    document.body.dataset.renderedAt = String(Math.round(performance.now()));
    document.body.dataset.rendered = 'true';
  }

  // ---- cooperation ---------------------------------------------------------------------------------

  function renderCooperation(year) {
    const pairs = new Map();
    for (const c of cooperation) {
      if (year && c.year !== year) continue;
      const k = c.a + ' ' + c.b;
      if (!pairs.has(k)) pairs.set(k, { a: c.a, b: c.b, al: c.al, bl: c.bl, docs: 0 });
      pairs.get(k).docs += c.docs;
    }
    const sorted = [...pairs.values()].sort((x, y) => y.docs - x.docs || (x.al + x.bl).localeCompare(y.al + y.bl, 'zh'));
    const countries = new Set(sorted.flatMap((p) => [p.a, p.b]));
    $('cooperation-status').textContent = sorted.length === 0 ? 'No cooperation stated'
      : SG.plural(countries.size, 'country', 'countries') + ' · ' + SG.plural(sorted.length, 'pair', 'pairs')
        + (sorted.length > PAIRS_IN_PICTURE ? ' (top ' + PAIRS_IN_PICTURE + ' drawn)' : '');
    drawCooperation(sorted.slice(0, PAIRS_IN_PICTURE));

    const body = $('pairs').tBodies[0];
    const max = Math.max(1, ...sorted.map((p) => p.docs));
    body.replaceChildren(...sorted.slice(0, PAIRS_IN_TABLE).map((p) => {
      const tr = element('tr');
      const names = element('td');
      names.append(SG.entityLink(p.a, p.al, 'country'), document.createTextNode(' – '), SG.entityLink(p.b, p.bl, 'country'));
      const docs = element('td', 'number');
      const bar = element('span', 'bar');
      bar.style.width = Math.max(2, Math.round(60 * p.docs / max)) + 'px';
      docs.append(bar, document.createTextNode(p.docs.toLocaleString('en')));
      tr.append(names, docs);
      return tr;
    }));
    if (sorted.length === 0) {
      const tr = element('tr');
      const td = element('td', 'empty', 'No cooperation between countries' + (year ? ' in this year.' : '.'));
      td.colSpan = 2;
      tr.append(td);
      body.append(tr);
    }
    $('pairs-status').textContent = sorted.length > PAIRS_IN_TABLE ? 'top ' + PAIRS_IN_TABLE + ' of ' + sorted.length : '';
  }

  function drawCooperation(pairs) {
    const box = $('cooperation');
    const chart = SG.chartIn(box);
    const degree = new Map();
    const labels = new Map();
    for (const p of pairs) {
      degree.set(p.a, (degree.get(p.a) || 0) + p.docs);
      degree.set(p.b, (degree.get(p.b) || 0) + p.docs);
      labels.set(p.a, p.al);
      labels.set(p.b, p.bl);
    }
    const maxDegree = Math.max(1, ...degree.values());
    const maxDocs = Math.max(1, ...pairs.map((p) => p.docs));
    const ranked = [...degree.entries()].sort((x, y) => y[1] - x[1]);
    const labelled = new Set(ranked.slice(0, 40).map(([iri]) => iri));
    const narrow = box.clientWidth < 500;
    const nodes = ranked.map(([iri, d]) => ({
      id: iri,
      name: labels.get(iri),
      value: d,
      symbolSize: Math.round(12 + 38 * Math.sqrt(d / maxDegree)),
      itemStyle: { color: SG.FAMILIES.country.color },
      label: { show: labelled.has(iri), fontSize: d === maxDegree ? 14 : 11, fontWeight: d === maxDegree ? 'bold' : 'normal' }
    }));
    const links = pairs.map((p) => ({
      source: p.a,
      target: p.b,
      value: p.docs,
      lineStyle: { width: 1 + 6 * p.docs / maxDocs, opacity: 0.35 + 0.5 * p.docs / maxDocs }
    }));
    SG.drawGraph(chart, {
      tooltip: {
        formatter: (p) => (p.dataType === 'edge'
          ? labels.get(p.data.source) + ' – ' + labels.get(p.data.target) + '\n'
            + SG.plural(p.data.value, 'document', 'documents')
          : p.name + '\n' + SG.plural(p.data.value, 'document', 'documents') + ' of cooperation')
      },
      series: [{
        data: nodes,
        links,
        labelLayout: { hideOverlap: true },
        edgeLabel: {
          show: links.length <= 30,
          formatter: (p) => String(p.data.value),
          fontSize: 10,
          color: '#7a8499'
        },
        lineStyle: { color: '#7f9be6', curveness: 0.05 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        scaleLimit: { min: 0.4, max: 4 }
      }]
    }, ranked.length ? ranked[0][0] : null, (l) => 190 - 110 * l.value / maxDocs, 0.04,
    narrow ? [24, 84, 24, 84] : [28, 110, 28, 110]);
    chart.off('click');
    chart.on('click', (p) => {
      if (p.dataType === 'node') location.href = SG.entityHref(p.data.id);
    });
    box.dataset.nodes = String(nodes.length);
  }

  // ---- timeline ------------------------------------------------------------------------------------

  function renderTimeline(year) {
    const shown = events.filter((e) => !year || e.year === year);
    const list = $('timeline');
    const items = [];
    let currentYear = null;
    // Too many to list: the latest ones with a year, still in date order.
    const withYear = shown.filter((e) => e.year !== UNKNOWN);
    const listed = shown.length > TIMELINE_ROWS ? withYear.slice(Math.max(0, withYear.length - TIMELINE_ROWS)) : shown;
    for (const ev of listed) {
      if (ev.year !== currentYear) {
        currentYear = ev.year;
        items.push(element('li', 'timeline-year', ev.year === UNKNOWN ? '年份未知 · year unknown' : ev.year));
      }
      items.push(eventItem(ev));
    }
    if (shown.length === 0) items.push(element('li', 'empty', 'No dated events' + (year ? ' in this year.' : '.')));
    list.replaceChildren(...items);
    $('timeline-status').textContent = SG.plural(shown.length, 'dated event', 'dated events')
      + (listed.length < shown.length ? ' (the latest ' + listed.length + ' shown; choose a year)' : '');
    $('undated').hidden = false;
  }

  function eventItem(ev) {
    const item = element('li', 'event-row');
    item.dataset.start = ev.start;
    item.dataset.iri = ev.iri;
    let when = SG.dateText(ev.start);
    if (ev.end && ev.end !== ev.start) {
      const sameYear = /^\d{4}-/.test(ev.start) && ev.start.slice(0, 5) === ev.end.slice(0, 5);
      when += ' – ' + (sameYear ? ev.end.slice(5) : SG.dateText(ev.end));
    }
    const what = element('div', 'event-what');
    what.append(SG.entityLink(ev.iri, ev.label, 'event'));
    const meta = element('div', 'event-meta');
    for (const [iri, label] of ev.places) {
      const place = element('span', 'meta-item place');
      place.append(SG.entityLink(iri, label, 'place'));
      meta.append(place);
    }
    for (const [role, map] of [['主办', ev.organizers], ['承办', ev.hosts]]) {
      if (map.size === 0) continue;
      const who = element('span', 'meta-item');
      who.append(element('span', 'role', role));
      const sortedOrgs = [...map.entries()].sort((x, y) => x[1].localeCompare(y[1], 'zh'));
      sortedOrgs.forEach(([iri, label], i) => {
        if (i > 0) who.append(document.createTextNode('、'));
        who.append(SG.entityLink(iri, label, 'organization'));
      });
      meta.append(who);
    }
    what.append(meta);
    item.append(element('span', 'event-date', when), what);
    return item;
  }

  // Events with no date: on demand, the first 500 found (on the whole corpus there are thousands).
  $('undated').addEventListener('toggle', async () => {
    if (!$('undated').open || $('undated-list').childElementCount > 0) return;
    try {
      const rows = await select(`
SELECT ?e ?label WHERE {
  { SELECT ?e WHERE { ?e a sg:Event FILTER NOT EXISTS { ?e sg:startDate ?d } } LIMIT 500 }
  OPTIONAL { ?e rdfs:label ?label }
}`, 'undated events');
      rows.sort((x, y) => (value(x, 'label') || '').localeCompare(value(y, 'label') || '', 'zh'));
      $('undated-summary').textContent = 'Events without a date: ' + (rows.length >= 500 ? 'the first 500 found' : rows.length);
      $('undated-list').replaceChildren(...rows.map((r) => SG.entityLink(value(r, 'e'), value(r, 'label'), 'event')));
    } catch (e) {
      SG.showError($('error'), e);
    }
  });

  load();
})();
