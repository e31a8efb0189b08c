// SilkGraph explorer: search by Chinese name, an entity's page (explorer.html#e=<IRI>) with its facts,
// their evidence sentences and source documents, and a picture of its neighbourhood.
// Reads the graph only through the SPARQL endpoint; graph text is inserted as text, never as HTML.
'use strict';

(function () {
  const { element, select, iriRef, stringLiteral, value, number, PROPERTIES, LINK_PROPERTIES, FACT_PROPERTIES } = SG;
  const $ = (id) => document.getElementById(id);

  /** Facts per property group shown on an entity page; the rest are counted. */
  const ROWS_PER_GROUP = 50;
  /** Neighbours in the picture: the best supported ones, by number of statements. */
  const NEIGHBOURS = 30;
  /** A second hop is drawn only around an entity with at most this many neighbours ... */
  const SMALL_GRAPH = 15;
  /** ... with at most this many nodes per neighbour and in all. */
  const SECOND_HOP_PER_NODE = 8;
  const MAX_NODES = 60;
  const EVENTS = 50;
  const SEARCH_RESULTS = 60;

  const sgp = (name) => 'sg:' + name;
  const values = (names) => names.map(sgp).join(' ');

  let generation = 0;       // a newer navigation makes older answers stale
  let started = 0;

  // ---- navigation --------------------------------------------------------------------------------

  function route() {
    const params = new URLSearchParams(location.hash.slice(1));
    const iri = params.get('e');
    const q = params.get('q');
    const token = ++generation;
    started = performance.now();
    delete document.body.dataset.rendered;
    hideError();
    if (iri) {
      showEntity(iri, token).catch((e) => failed(e, token));
    } else if (q) {
      $('q').value = q;
      search(q, token).catch((e) => failed(e, token));
    } else {
      showHome(token).catch((e) => failed(e, token));
    }
  }

  function show(which) {
    for (const id of ['home', 'results', 'entity'])
      $(id).hidden = id !== which;
  }

  function failed(error, token) {
    if (token !== generation) return;
    console.warn(error);
    $('loading').hidden = true;
    SG.showError($('error'), error);
    rendered(token);
  }

  function hideError() {
    $('error').hidden = true;
  }

  /** The marker tests and timings wait for: every part of the page is drawn. */
  function rendered(token) {
    if (token !== generation) return;
    $('loading').hidden = true;
    document.body.dataset.renderMs = String(Math.round(performance.now() - started));
    document.body.dataset.rendered = 'true';
  }

  function loading(on) {
    $('loading').hidden = !on;
  }

  window.addEventListener('hashchange', route);

  $('search').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = $('q').value.trim();
    if (!q) return;
    const hash = '#q=' + encodeURIComponent(q);
    if (location.hash === hash) route();
    else location.hash = hash;
  });

  // ---- home: a search box and the countries ------------------------------------------------------

  async function showHome(token) {
    show('home');
    document.title = 'SilkGraph · Explorer';
    loading(true);
    const rows = await select(`
SELECT ?c ?label WHERE { ?c a sg:Country ; rdfs:label ?label } ORDER BY ?label LIMIT 500`, 'countries');
    if (token !== generation) return;
    const cloud = $('countries');
    cloud.replaceChildren(...rows.map((r) => SG.entityLink(value(r, 'c'), value(r, 'label'), 'country')));
    $('countries-status').textContent = SG.plural(rows.length, 'country', 'countries');
    rendered(token);
  }

  // ---- search ------------------------------------------------------------------------------------

  /**
   * Full-text search over names (text:query, the store's Lucene index of labels and alternative
   * labels) and exact names (rdfs:label or skos:altLabel equal to the text), which also works on a
   * store without the index. An entity whose name is the text comes first.
   */
  async function search(q, token) {
    show('results');
    document.title = q + ' · SilkGraph search';
    loading(true);
    $('result-list').replaceChildren();
    $('results-status').textContent = 'Searching…';
    // Lucene's query syntax characters become spaces; the words are looked up as they are.
    const luceneText = q.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
    const fullText = luceneText ? select(`
SELECT ?e ?label (MAX(?hit) AS ?score) (SAMPLE(?found) AS ?matched) (GROUP_CONCAT(DISTINCT STR(?c); separator=" ") AS ?classes)
WHERE {
  (?e ?hit ?found) text:query (${stringLiteral(luceneText)} ${SEARCH_RESULTS * 3}) .
  ?e rdfs:label ?label .
  OPTIONAL { ?e a ?c }
}
GROUP BY ?e ?label ORDER BY DESC(?score) LIMIT ${SEARCH_RESULTS}`, 'full-text search') : Promise.resolve([]);
    const exact = select(`
SELECT ?e ?label (SAMPLE(?name) AS ?matched) (GROUP_CONCAT(DISTINCT STR(?c); separator=" ") AS ?classes)
WHERE {
  VALUES ?name { ${stringLiteral(q)}@zh ${stringLiteral(q)} }
  { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
  ?e rdfs:label ?label .
  OPTIONAL { ?e a ?c }
}
GROUP BY ?e ?label LIMIT ${SEARCH_RESULTS}`, 'name lookup');
    const [textRows, exactRows] = await Promise.all([fullText, exact]);
    if (token !== generation) return;
    const found = new Map();
    for (const r of exactRows)
      found.set(value(r, 'e'), { iri: value(r, 'e'), label: value(r, 'label'), matched: value(r, 'matched'),
        classes: (value(r, 'classes') || '').split(' ').filter(Boolean), score: Infinity, exact: true });
    for (const r of textRows) {
      if (found.has(value(r, 'e'))) continue;
      found.set(value(r, 'e'), { iri: value(r, 'e'), label: value(r, 'label'), matched: value(r, 'matched'),
        classes: (value(r, 'classes') || '').split(' ').filter(Boolean), score: number(r, 'score'), exact: false });
    }
    const rank = (hit) => (hit.label === q ? 0 : hit.exact ? 1 : hit.label.startsWith(q) ? 2 : 3);
    const hits = [...found.values()].sort((a, b) => rank(a) - rank(b) || b.score - a.score
      || a.label.length - b.label.length || a.label.localeCompare(b.label, 'zh'));
    $('results-status').textContent = hits.length === 0 ? 'Nothing found' : SG.plural(hits.length, 'entity', 'entities');
    const list = $('result-list');
    if (hits.length === 0)
      list.replaceChildren(element('li', 'empty', 'No entity has a name containing “' + q + '”.'));
    else
      list.replaceChildren(...hits.map(resultItem));
    rendered(token);
  }

  function resultItem(hit) {
    const item = element('li', 'result');
    const family = SG.familyOf(hit.classes);
    const link = SG.entityLink(hit.iri, hit.label, family);
    link.classList.add('result-link');
    const chips = element('span', 'chips');
    const classes = SG.sortedClasses(hit.classes);
    const specific = classes.filter((c) => !c.top);
    chips.append(...(specific.length ? specific.slice(0, 2) : classes.slice(0, 1)).map(SG.classChip));
    item.append(element('span', 'dot family-' + family), link, chips);
    if (hit.matched && hit.matched !== hit.label)
      item.append(element('span', 'matched', '又名 ' + hit.matched));
    item.append(element('span', 'iri', SG.shortIri(hit.iri)));
    return item;
  }

  // ---- an entity's page ----------------------------------------------------------------------------

  async function showEntity(iri, token) {
    show('entity');
    loading(true);
    const E = iriRef(iri);
    resetEntity();

    const about = select(`
SELECT ?k ?v WHERE {
  { ${E} rdfs:label ?v BIND("label" AS ?k) }
  UNION { ${E} a ?v BIND("class" AS ?k) }
  UNION { ${E} skos:altLabel ?v BIND("alt" AS ?k) }
  UNION { ${E} sg:englishName ?v BIND("en" AS ?k) }
  UNION { ${E} sg:isoCode ?v BIND("iso" AS ?k) }
  UNION { ${E} sg:iso3Code ?v BIND("iso3" AS ?k) }
  UNION { ${E} sg:adminCode ?v BIND("admin" AS ?k) }
  UNION { ${E} dcterms:title ?v BIND("title" AS ?k) }
  UNION { ${E} dcterms:date ?v BIND("date" AS ?k) }
  UNION { ${E} sg:fileName ?v BIND("file" AS ?k) }
  UNION { ${E} sg:sourceRecord ?v BIND("source" AS ?k) }
  UNION { ${E} sg:characterCount ?v BIND("chars" AS ?k) }
  UNION { SELECT ("mentions" AS ?k) (COUNT(?d) AS ?v) WHERE { ?d sg:mentions ${E} } }
}`, 'the entity').then((rows) => {
      const info = { label: null, classes: [], alt: [], en: [], codes: {}, doc: {}, mentions: 0 };
      for (const r of rows) {
        const k = value(r, 'k');
        const v = value(r, 'v');
        if (k === 'label') info.label = v;
        else if (k === 'class') info.classes.push(v);
        else if (k === 'alt') info.alt.push(v);
        else if (k === 'en') info.en.push(v);
        else if (k === 'mentions') info.mentions = Number(v);
        else if (['iso', 'iso3', 'admin'].includes(k)) info.codes[k] = v;
        else info.doc[k] = v;
      }
      return info;
    });

    const info = await about;
    if (token !== generation) return;
    const isDocument = info.classes.includes(SG.NS.sg + 'Document');
    if (!info.label && !info.doc.file && info.classes.length === 0 && info.mentions === 0) {
      throw new SG.QueryError('Nothing is known about this IRI', SG.decodeIri(iri));
    }
    renderHead(iri, info, isDocument);
    if (isDocument) await showDocument(iri, info, token);
    else await showFacts(iri, info, token);
  }

  function resetEntity() {
    $('entity-label').textContent = '';
    $('entity-classes').replaceChildren();
    $('entity-details').replaceChildren();
    $('facts').replaceChildren(element('p', 'placeholder', 'Loading the facts…'));
    $('network-status').textContent = '';
    $('events-card').hidden = true;
    $('network-card').hidden = false;
  }

  function renderHead(iri, info, isDocument) {
    const label = info.label || info.doc.title || info.doc.file || SG.shortIri(iri);
    $('entity-label').textContent = label;
    document.title = label + ' · SilkGraph';
    const family = SG.familyOf(info.classes);
    $('entity-label').className = 'entity-label family-' + family;
    $('entity-classes').replaceChildren(...SG.sortedClasses(info.classes).map(SG.classChip));
    const details = $('entity-details');
    const add = (term, ...content) => {
      if (content.length === 0) return;
      const wrap = element('div', 'detail');
      const dd = element('dd');
      dd.append(...content);
      wrap.append(element('dt', null, term), dd);
      details.append(wrap);
    };
    const codes = [];
    if (info.codes.iso) codes.push(code('ISO 3166-1', info.codes.iso + (info.codes.iso3 ? ' · ' + info.codes.iso3 : '')));
    if (info.codes.admin) codes.push(code('GB/T 2260', info.codes.admin));
    add('Codes', ...codes);
    if (info.en.length) add('English', element('span', null, info.en.join(' · ')));
    const names = [...new Set(info.alt)].sort((a, b) => a.localeCompare(b, 'zh'));
    if (names.length) add('Other names', ...names.map((n) => element('span', 'name-chip', n)));
    if (isDocument) {
      if (info.doc.title && info.doc.title !== label) add('Title', element('span', null, info.doc.title));
      if (info.doc.file) add('File', element('code', null, info.doc.file));
      if (info.doc.source) add('Source', element('code', null, info.doc.source));
      if (info.doc.date) add('Date', element('span', null, info.doc.date));
      if (info.doc.chars) add('Length', element('span', null, Number(info.doc.chars).toLocaleString('en') + ' characters'));
    } else {
      add('Mentioned in', element('span', null, SG.plural(info.mentions, 'document', 'documents')));
    }
    const iriCode = element('code', 'iri', SG.decodeIri(iri));
    iriCode.title = iri;
    add('IRI', iriCode);
  }

  function code(system, text) {
    const span = element('span', 'code');
    span.append(element('span', 'code-system', system), element('code', null, text));
    return span;
  }

  // ---- facts of an entity ------------------------------------------------------------------------

  /** Pattern and statement pattern of a group: the entity as subject (out), object (in) or either (both). */
  function groupPatterns(E, dir, p) {
    const P = sgp(p);
    if (dir === 'out')
      return { triple: `${E} ${P} ?o .`, statement: `?s rdf:subject ${E} ; rdf:predicate ${P} ; rdf:object ?o .` };
    if (dir === 'in')
      return { triple: `?o ${P} ${E} .`, statement: `?s rdf:subject ?o ; rdf:predicate ${P} ; rdf:object ${E} .` };
    return {
      triple: `{ SELECT DISTINCT ?o WHERE { { ${E} ${P} ?o } UNION { ?o ${P} ${E} } } }`,
      statement: `?s rdf:predicate ${P} . { ?s rdf:subject ${E} ; rdf:object ?o } UNION { ?s rdf:subject ?o ; rdf:object ${E} }`
    };
  }

  async function showFacts(iri, info, token) {
    const E = iriRef(iri);
    const symmetric = FACT_PROPERTIES.filter((p) => PROPERTIES[p].symmetric);
    const directed = FACT_PROPERTIES.filter((p) => !PROPERTIES[p].symmetric);
    const directedLinks = LINK_PROPERTIES.filter((p) => !PROPERTIES[p].symmetric);

    // How many others each group has, and how many neighbours in all.
    const groupsQuery = select(`
SELECT ?dir ?p (COUNT(DISTINCT ?o) AS ?others) WHERE {
  { VALUES ?p { ${values(directed)} } ${E} ?p ?o BIND("out" AS ?dir) }
  UNION { VALUES ?p { ${values(directedLinks)} } ?o ?p ${E} BIND("in" AS ?dir) }
  UNION { VALUES ?p { ${values(symmetric)} } { ${E} ?p ?o } UNION { ?o ?p ${E} } BIND("both" AS ?dir) }
  UNION { VALUES ?q { ${values(LINK_PROPERTIES)} } { ${E} ?q ?o } UNION { ?o ?q ${E} } FILTER(isIRI(?o)) BIND("any" AS ?dir) }
}
GROUP BY ?dir ?p`, 'fact groups');

    // The best supported neighbours, with the properties that link them (">p" out, "<p" in).
    const neighboursQuery = select(`
SELECT ?o (COUNT(?s) AS ?n) (GROUP_CONCAT(DISTINCT ?edge; separator=" ") AS ?edges) WHERE {
  { VALUES ?p { ${values(LINK_PROPERTIES)} } ${E} ?p ?o BIND(CONCAT(">", STRAFTER(STR(?p), "#")) AS ?edge)
    OPTIONAL { ?s rdf:subject ${E} ; rdf:predicate ?p ; rdf:object ?o } }
  UNION
  { VALUES ?p { ${values(LINK_PROPERTIES)} } ?o ?p ${E} BIND(CONCAT("<", STRAFTER(STR(?p), "#")) AS ?edge)
    OPTIONAL { ?s rdf:subject ?o ; rdf:predicate ?p ; rdf:object ${E} } }
  FILTER(isIRI(?o) && ?o != ${E})
}
GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT ${NEIGHBOURS}`, 'neighbours');

    const isPlaceOrOrg = ['country', 'place', 'organization'].includes(SG.familyOf(info.classes));
    const eventsQuery = isPlaceOrOrg ? select(`
SELECT ?ev (MIN(STR(?d)) AS ?start) (GROUP_CONCAT(DISTINCT CONCAT(STRAFTER(STR(?p), "#"), " ", STR(?via)); separator="\\n") AS ?how)
WHERE {
  VALUES ?p { sg:heldIn sg:organizedBy sg:hostedBy }
  { ?ev ?p ${E} BIND(${E} AS ?via) }
  UNION { ?via sg:locatedIn ${E} . ?ev ?p ?via }
  OPTIONAL { ?ev sg:startDate ?d }
}
GROUP BY ?ev ORDER BY DESC(?start) ?ev LIMIT ${EVENTS + 1}`, 'events') : Promise.resolve([]);

    const eventsCount = isPlaceOrOrg ? select(`
SELECT (COUNT(DISTINCT ?ev) AS ?n) WHERE {
  VALUES ?p { sg:heldIn sg:organizedBy sg:hostedBy }
  { ?ev ?p ${E} } UNION { ?via sg:locatedIn ${E} . ?ev ?p ?via }
}`, 'events') : Promise.resolve([]);

    const groups = await groupsQuery;
    if (token !== generation) return;
    let neighbourTotal = 0;
    const shown = [];
    for (const r of groups) {
      const dir = value(r, 'dir');
      if (dir === 'any') {
        neighbourTotal = number(r, 'others');
        continue;
      }
      const p = SG.local(value(r, 'p'));
      shown.push({ dir, p, others: number(r, 'others') });
    }
    const order = (g) => FACT_PROPERTIES.indexOf(g.p) * 2 + (g.dir === 'in' ? 1 : 0);
    shown.sort((a, b) => order(a) - order(b));

    // Round 2: the rows of each group, with a sample statement's evidence; the second hop.
    const rowsQueries = shown.map((g) => {
      const { triple, statement } = groupPatterns(E, g.dir, g.p);
      return select(`
SELECT ?o ?n ?docs ?st ?label ?text ?ctx ?doc ?file WHERE {
  { SELECT ?o (COUNT(?s) AS ?n) (COUNT(DISTINCT ?d) AS ?docs) (SAMPLE(?s) AS ?st) WHERE {
      ${triple}
      OPTIONAL { ${statement} ?s prov:wasDerivedFrom ?d . }
    } GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT ${ROWS_PER_GROUP} }
  OPTIONAL { ?o rdfs:label ?label }
  OPTIONAL { ?st sg:evidence ?sentence . ?sentence sg:text ?text }
  OPTIONAL { ?st sg:contextEvidence ?context . ?context sg:text ?ctx }
  OPTIONAL { ?st prov:wasDerivedFrom ?doc . ?doc sg:fileName ?file }
}`, PROPERTIES[g.p].en).then((rows) => Object.assign(g, { rows }));
    });

    const neighbours = await neighboursQuery;
    if (token !== generation) return;
    const graph = newGraph(iri, info);
    for (const r of neighbours) {
      const o = value(r, 'o');
      graph.node(o, number(r, 'n'), 1);
      for (const edge of (value(r, 'edges') || '').split(' ').filter(Boolean)) {
        const p = edge.slice(1);
        if (edge[0] === '>') graph.edge(iri, o, p);
        else graph.edge(o, iri, p);
      }
    }
    const secondHop = neighbourTotal <= SMALL_GRAPH
      ? Promise.all(neighbours.map((r) => hop(value(r, 'o'), iri, graph))) : Promise.resolve();

    const [, , events, evCount] = await Promise.all([Promise.all(rowsQueries), secondHop, eventsQuery, eventsCount]);
    if (token !== generation) return;

    // Round 3: names, alternative names and classes of everything on the page.
    const eventIris = events.slice(0, EVENTS).map((r) => value(r, 'ev'));
    const others = new Set([iri, ...graph.nodes.keys(), ...eventIris]);
    for (const g of shown)
      for (const r of g.rows)
        if (r.o.type === 'uri') others.add(value(r, 'o'));
    for (const r of events)
      for (const line of (value(r, 'how') || '').split('\n'))
        others.add(line.slice(line.indexOf(' ') + 1));
    const [names, eventFacts] = await Promise.all([namesOf([...others]), eventDetails(eventIris)]);
    if (token !== generation) return;

    renderFacts(iri, info, shown, names);
    renderEvents(events, number(evCount[0] || {}, 'n'), eventFacts, names);
    drawNetwork(graph, names, neighbourTotal, token);
    rendered(token);
  }

  /** A neighbour's own neighbours, from its fact statements (facts with a sentence), a few. */
  async function hop(x, center, graph) {
    const X = iriRef(x);
    const rows = await select(`
SELECT DISTINCT ?p ?y ?dir WHERE {
  { ?s rdf:subject ${X} ; rdf:predicate ?p ; rdf:object ?y BIND(">" AS ?dir) }
  UNION { ?s rdf:object ${X} ; rdf:predicate ?p ; rdf:subject ?y BIND("<" AS ?dir) }
  FILTER(isIRI(?y) && ?y != ${iriRef(center)})
} LIMIT ${SECOND_HOP_PER_NODE}`, 'second hop');
    for (const r of rows) {
      const y = value(r, 'y');
      const p = SG.local(value(r, 'p'));
      if (!PROPERTIES[p]) continue;
      if (!graph.nodes.has(y)) {
        if (graph.nodes.size >= MAX_NODES) continue;
        graph.node(y, 0, 2);
      }
      if (value(r, 'dir') === '>') graph.edge(x, y, p);
      else graph.edge(y, x, p);
    }
  }

  /** Labels, alternative labels and classes, for many IRIs in one query. */
  async function namesOf(iris) {
    const names = new Map();
    const list = iris.filter((i) => i);
    for (let i = 0; i < list.length; i += 400) {
      const part = list.slice(i, i + 400);
      const rows = await select(`
SELECT ?x ?k ?v WHERE {
  VALUES ?x { ${part.map(iriRef).join(' ')} }
  { ?x rdfs:label ?v BIND("label" AS ?k) } UNION { ?x skos:altLabel ?v BIND("alt" AS ?k) }
  UNION { ?x a ?v BIND("class" AS ?k) } UNION { ?x sg:fileName ?v BIND("file" AS ?k) }
}`, 'names');
      for (const r of rows) {
        const x = value(r, 'x');
        if (!names.has(x)) names.set(x, { label: null, alt: [], classes: [] });
        const n = names.get(x);
        const k = value(r, 'k');
        if (k === 'label') n.label = value(r, 'v');
        else if (k === 'alt') n.alt.push(value(r, 'v'));
        else if (k === 'file' && !n.label) n.label = value(r, 'v');
        else if (k === 'class') n.classes.push(value(r, 'v'));
      }
    }
    for (const n of names.values()) n.family = SG.familyOf(n.classes);
    return names;
  }

  /** Dates and places of events. */
  async function eventDetails(iris) {
    const details = new Map(iris.map((i) => [i, { start: [], end: [], places: [] }]));
    if (iris.length === 0) return details;
    const rows = await select(`
SELECT ?ev ?k ?v WHERE {
  VALUES ?ev { ${iris.map(iriRef).join(' ')} }
  { ?ev sg:startDate ?v BIND("start" AS ?k) } UNION { ?ev sg:endDate ?v BIND("end" AS ?k) }
  UNION { ?ev sg:heldIn ?v BIND("places" AS ?k) }
}`, 'event dates and places');
    for (const r of rows) details.get(value(r, 'ev'))[value(r, 'k')].push(value(r, 'v'));
    return details;
  }

  function labelOf(names, iri) {
    const n = names.get(iri);
    return (n && n.label) || SG.local(SG.decodeIri(iri));
  }

  function familyOfIri(names, iri) {
    const n = names.get(iri);
    return n ? n.family : 'other';
  }

  function link(names, iri) {
    return SG.entityLink(iri, labelOf(names, iri), familyOfIri(names, iri));
  }

  function groupTitle(g) {
    const prop = PROPERTIES[g.p];
    if (g.dir === 'in' && prop.inv) return { zh: prop.inv[0], en: prop.inv[1] };
    return { zh: prop.zh, en: prop.en };
  }

  function renderFacts(iri, info, groups, names) {
    const container = $('facts');
    if (groups.length === 0) {
      container.replaceChildren(element('p', 'placeholder', 'No facts name this entity.'));
      return;
    }
    const own = [info.label, ...info.alt].filter(Boolean);
    container.replaceChildren(...groups.map((g) => {
      const title = groupTitle(g);
      const card = element('section', 'card fact-group');
      card.dataset.property = g.p;
      card.dataset.direction = g.dir;
      const head = element('div', 'card-head');
      const h = element('h3', 'card-title', title.zh + ' ');
      h.append(element('span', 'en', title.en));
      const sentences = g.rows.reduce((sum, r) => sum + number(r, 'n'), 0);
      const status = SG.plural(g.others, PROPERTIES[g.p].literal ? 'value' : 'entity', PROPERTIES[g.p].literal ? 'values' : 'entities')
        + (sentences ? ' · ' + SG.plural(sentences, 'sentence', 'sentences') + (g.others > g.rows.length ? ' shown' : '') : '');
      head.append(h, element('span', 'status', status));
      const list = element('ol', 'fact-list');
      list.append(...g.rows.map((r) => factRow(g, r, names, own)));
      card.append(head, list);
      if (g.others > g.rows.length)
        card.append(element('p', 'note', 'Showing the ' + g.rows.length + ' best supported of ' + g.others.toLocaleString('en')
          + '. The query page lists them all.'));
      return card;
    }));
  }

  function factRow(g, r, names, own) {
    const item = element('li', 'fact');
    const main = element('div', 'fact-main');
    const o = r.o;
    let otherNames = [];
    if (o.type === 'uri') {
      main.append(link(names, o.value));
      const n = names.get(o.value);
      if (n) {
        otherNames = [n.label, ...n.alt];
        const top = SG.sortedClasses(n.classes)[0];
        if (top) main.append(SG.classChip(top));
      }
    } else {
      main.append(element('span', 'fact-value', SG.dateText(o.value)));
      if (/^--/.test(o.value)) main.append(element('span', 'chip', '年份未知'));
    }
    const n = number(r, 'n');
    if (n > 0) {
      const docs = number(r, 'docs');
      main.append(element('span', 'support', SG.plural(n, 'sentence', 'sentences') + (docs > 1 ? ' · ' + docs + ' documents' : '')));
    }
    item.append(main);
    const text = value(r, 'text');
    if (text) {
      const quote = element('blockquote', 'evidence');
      quote.append(SG.highlighted(text, [...otherNames, ...own], null));
      for (const mark of quote.querySelectorAll('mark'))
        if (own.includes(mark.textContent) && !otherNames.includes(mark.textContent)) mark.className = 'self';
      item.append(quote);
    } else if (o.type === 'uri') {
      item.append(element('p', 'no-evidence', 'No sentence: from the gazetteer or the name itself.'));
    }
    const ctx = value(r, 'ctx');
    if (ctx) {
      const context = element('p', 'context');
      context.append(element('span', 'label', 'Context '), SG.highlighted(ctx, own, 'self'));
      item.append(context);
    }
    const file = value(r, 'file');
    if (file) {
      const source = element('p', 'source');
      const a = element('a', 'doc-link', file);
      a.href = SG.entityHref(value(r, 'doc'));
      source.append(element('span', 'label', 'Source '), a);
      item.append(source);
    }
    return item;
  }

  function renderEvents(rows, total, details, names) {
    const card = $('events-card');
    if (rows.length === 0) {
      card.hidden = true;
      return;
    }
    card.hidden = false;
    const shownRows = rows.slice(0, EVENTS);
    $('events-status').textContent = total > shownRows.length
      ? 'latest ' + shownRows.length + ' of ' + total.toLocaleString('en') : SG.plural(total || shownRows.length, 'event', 'events');
    $('event-list').replaceChildren(...shownRows.map((r) => {
      const ev = value(r, 'ev');
      const d = details.get(ev) || { start: [], end: [], places: [] };
      const item = element('li', 'event-row');
      const when = element('span', 'event-date', dateRange(d));
      const what = element('div', 'event-what');
      what.append(link(names, ev));
      const meta = element('div', 'event-meta');
      for (const place of d.places) meta.append(element('span', 'meta-item place', labelOf(names, place)));
      for (const line of (value(r, 'how') || '').split('\n').filter(Boolean)) {
        const [p, via] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
        if (p === 'heldIn' && d.places.includes(via)) continue;
        const how = element('span', 'meta-item how');
        how.append(element('span', 'role', PROPERTIES[p] ? PROPERTIES[p].zh : p), link(names, via));
        meta.append(how);
      }
      what.append(meta);
      item.append(when, what);
      return item;
    }));
  }

  function dateRange(d) {
    const start = d.start.slice().sort()[0];
    const end = d.end.slice().sort().reverse()[0];
    if (!start) return '日期不详';
    let text = SG.dateText(start);
    if (end && end !== start) {
      const sameYear = start.slice(0, 5) === end.slice(0, 5) && !start.startsWith('--');
      text += ' – ' + (sameYear ? SG.dateText(end).slice(5) : SG.dateText(end));
    }
    return text;
  }

  // ---- a document's page -------------------------------------------------------------------------

  async function showDocument(iri, info, token) {
    const D = iriRef(iri);
    const [facts, mentions] = await Promise.all([select(`
SELECT ?st ?subject ?p ?object ?text ?ctx ?index WHERE {
  ?st prov:wasDerivedFrom ${D} ; rdf:subject ?subject ; rdf:predicate ?p ; rdf:object ?object .
  OPTIONAL { ?st sg:evidence ?sentence . ?sentence sg:text ?text ; sg:sentenceIndex ?index }
  OPTIONAL { ?st sg:contextEvidence ?context . ?context sg:text ?ctx }
}
ORDER BY ?index ?st LIMIT 1000`, 'the document\'s facts'), select(`
SELECT ?x WHERE { ${D} sg:mentions ?x } LIMIT 1000`, 'mentioned entities')]);
    if (token !== generation) return;
    const iris = new Set(mentions.map((r) => value(r, 'x')));
    for (const r of facts) {
      iris.add(value(r, 'subject'));
      if (r.object.type === 'uri') iris.add(value(r, 'object'));
    }
    const names = await namesOf([...iris]);
    if (token !== generation) return;

    const graph = newGraph(iri, info);
    graph.nodes.delete(iri);
    for (const r of facts) {
      if (r.object.type !== 'uri') continue;
      const s = value(r, 'subject');
      const o = value(r, 'object');
      for (const x of [s, o])
        if (!graph.nodes.has(x) && graph.nodes.size < MAX_NODES) graph.node(x, 1, 1);
      if (graph.nodes.has(s) && graph.nodes.has(o)) graph.edge(s, o, SG.local(value(r, 'p')));
    }
    for (const n of graph.nodes.values()) n.support = graph.links.filter((l) => l.source === n.id || l.target === n.id).length;
    graph.center = null;

    const container = $('facts');
    const card = element('section', 'card fact-group');
    const head = element('div', 'card-head');
    const h = element('h3', 'card-title', '事实 ');
    h.append(element('span', 'en', 'facts stated in this document'));
    head.append(h, element('span', 'status', SG.plural(facts.length, 'statement', 'statements')));
    const list = element('ol', 'fact-list');
    for (const r of facts) {
      const item = element('li', 'fact');
      const main = element('div', 'fact-main');
      const p = SG.local(value(r, 'p'));
      main.append(link(names, value(r, 'subject')), element('span', 'predicate', PROPERTIES[p] ? PROPERTIES[p].zh : p));
      if (r.object.type === 'uri') main.append(link(names, value(r, 'object')));
      else main.append(element('span', 'fact-value', SG.dateText(value(r, 'object'))));
      item.append(main);
      if (value(r, 'text')) {
        const quote = element('blockquote', 'evidence');
        const marks = [];
        for (const x of [value(r, 'subject'), value(r, 'object')]) {
          const n = names.get(x);
          if (n) marks.push(n.label, ...n.alt);
        }
        quote.append(SG.highlighted(value(r, 'text'), marks.filter(Boolean), null));
        item.append(quote);
      }
      if (value(r, 'ctx')) {
        const context = element('p', 'context');
        context.append(element('span', 'label', 'Context '), document.createTextNode(value(r, 'ctx')));
        item.append(context);
      }
      list.append(item);
    }
    card.append(head, list);

    const mentionCard = element('section', 'card fact-group');
    const mhead = element('div', 'card-head');
    const mh = element('h3', 'card-title', '提及 ');
    mh.append(element('span', 'en', 'entities it names'));
    mhead.append(mh, element('span', 'status', SG.plural(mentions.length, 'entity', 'entities')));
    const cloud = element('div', 'chip-cloud');
    const sorted = mentions.map((r) => value(r, 'x'))
      .sort((a, b) => familyOfIri(names, a).localeCompare(familyOfIri(names, b)) || labelOf(names, a).localeCompare(labelOf(names, b), 'zh'));
    cloud.append(...sorted.map((x) => link(names, x)));
    mentionCard.append(mhead, cloud);
    container.replaceChildren(card, mentionCard);
    drawNetwork(graph, names, graph.nodes.size, token);
    $('network-heading').firstChild.textContent = 'Facts of the document ';
    rendered(token);
  }

  // ---- the picture ---------------------------------------------------------------------------------

  function newGraph(center, info) {
    const graph = {
      center,
      nodes: new Map(),
      links: [],
      linkKeys: new Set(),
      node(id, support, hopCount) {
        if (!this.nodes.has(id)) this.nodes.set(id, { id, support, hop: hopCount });
        return this.nodes.get(id);
      },
      edge(source, target, p) {
        const key = source + ' ' + target + ' ' + p;
        const reverse = target + ' ' + source + ' ' + p;
        if (this.linkKeys.has(key) || (PROPERTIES[p] && PROPERTIES[p].symmetric && this.linkKeys.has(reverse))) return;
        this.linkKeys.add(key);
        this.links.push({ source, target, p });
      }
    };
    graph.node(center, Infinity, 0);
    return graph;
  }

  function drawNetwork(graph, names, total, token) {
    if (token !== generation) return;
    const box = $('network');
    const chart = SG.chartIn(box);
    const families = Object.keys(SG.FAMILIES);
    const present = new Set();
    const maxSupport = Math.max(1, ...[...graph.nodes.values()].filter((n) => n.support !== Infinity).map((n) => n.support));
    const narrow = box.clientWidth < 500;
    const nodes = [...graph.nodes.values()].map((n) => {
      const family = n.id === graph.center ? (names.get(n.id) || {}).family || 'other' : familyOfIri(names, n.id);
      present.add(family);
      const isCenter = n.id === graph.center;
      const size = isCenter ? 46 : n.hop === 2 ? 14 : 18 + 20 * Math.sqrt(Math.min(n.support, maxSupport) / maxSupport);
      const label = labelOf(names, n.id);
      return {
        id: n.id,
        name: label,
        category: families.indexOf(family),
        symbolSize: Math.round(size),
        value: n.support === Infinity ? null : n.support,
        label: {
          show: isCenter || n.hop === 1 || graph.nodes.size <= 40,
          formatter: label.length > 12 ? label.slice(0, 11) + '…' : label,
          fontSize: isCenter ? 14 : n.hop === 2 ? 10 : 11,
          fontWeight: isCenter ? 'bold' : 'normal'
        },
        itemStyle: isCenter ? { borderColor: '#1c2333', borderWidth: 3 } : undefined,
        hop: n.hop
      };
    });
    const links = graph.links.filter((l) => graph.nodes.has(l.source) && graph.nodes.has(l.target)).map((l) => ({
      source: l.source,
      target: l.target,
      name: PROPERTIES[l.p] ? PROPERTIES[l.p].zh : l.p,
      symmetric: PROPERTIES[l.p] && PROPERTIES[l.p].symmetric,
      symbol: PROPERTIES[l.p] && PROPERTIES[l.p].symmetric ? ['none', 'none'] : ['none', 'arrow'],
      lineStyle: { width: l.source === graph.center || l.target === graph.center ? 1.6 : 1 }
    }));
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: SG.FONT },
      tooltip: {
        renderMode: 'richText',
        formatter: (p) => (p.dataType === 'edge'
          ? labelOf(names, p.data.source) + ' —' + p.data.name + '→ ' + labelOf(names, p.data.target)
          : p.data.id + '' === String(graph.center) ? p.name
            : p.name + (p.data.value ? '\n' + SG.plural(p.data.value, 'statement', 'statements') : ''))
      },
      legend: [{
        bottom: 4,
        left: 'center',
        itemWidth: 10,
        itemHeight: 10,
        icon: 'circle',
        textStyle: { fontSize: 11, color: '#4a5468' },
        data: families.filter((f) => present.has(f)).map((f) => SG.FAMILIES[f].zh)
      }],
      series: [{
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        top: 20,
        bottom: 46,
        left: 20,
        right: 20,
        categories: families.map((f) => ({ name: SG.FAMILIES[f].zh, itemStyle: { color: SG.FAMILIES[f].color } })),
        data: nodes,
        links,
        force: {
          initLayout: 'circular',
          repulsion: narrow ? 160 : 260,
          gravity: 0.12,
          edgeLength: narrow ? [40, 100] : [60, 150],
          layoutAnimation: false
        },
        label: { position: 'right', color: '#1c2333' },
        edgeLabel: {
          show: links.length <= 80,
          formatter: (p) => p.data.name,
          fontSize: 10,
          color: '#7a8499'
        },
        lineStyle: { color: '#b4bccb', curveness: 0.08, opacity: 0.9 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2.5 } },
        edgeSymbolSize: 7,
        scaleLimit: { min: 0.4, max: 4 }
      }]
    }, true);
    chart.off('click');
    chart.on('click', (p) => {
      if (p.dataType === 'node' && p.data.id !== graph.center) location.hash = 'e=' + encodeURIComponent(p.data.id);
    });
    const count = graph.nodes.size - (graph.center ? 1 : 0);
    const hop1 = [...graph.nodes.values()].filter((n) => n.hop === 1).length;
    const hop2 = [...graph.nodes.values()].filter((n) => n.hop === 2).length;
    $('network-status').textContent = graph.center
      ? (total > hop1 ? 'showing ' + hop1 + ' of ' + total.toLocaleString('en') + ' neighbours' : SG.plural(hop1, 'neighbour', 'neighbours'))
        + (hop2 ? ' + ' + hop2 + ' at two steps' : '')
      : SG.plural(count, 'entity', 'entities');
    box.dataset.nodes = String(nodes.length);
  }

  route();
})();
