// SilkGraph explorer: search by Chinese name, an entity's page (explorer.html#e=<IRI>) with its facts,
// their evidence sentences and source documents, and a picture of its neighbourhood.
// Reads the graph only through the SPARQL endpoint; graph text is inserted as text, never as HTML.
'use strict';

(function () {
  const { element, select, iriRef, stringLiteral, value, number, PROPERTIES, LINK_PROPERTIES, FACT_PROPERTIES } = SG;
  const $ = (id) => document.getElementById(id);

  /** Facts per property group shown on an entity page; the rest are counted. */
  const ROWS_PER_GROUP = 50;
  /** Neighbours in the picture: the best supported ones, by number of documents ... */
  const NEIGHBOURS = 30;
  /** ... the first few of each group of stated facts among them. */
  const PER_GROUP = 5;
  /** A second hop is drawn only around an entity with at most this many neighbours ... */
  const SMALL_GRAPH = 15;
  /** ... with at most this many nodes per neighbour and in all. */
  const SECOND_HOP_PER_NODE = 8;
  const MAX_NODES = 60;
  const EVENTS = 50;
  const SEARCH_RESULTS = 60;
  /** Index hits read for a search: enough to find 60 entities under the duplicates (see search). */
  const SEARCH_HITS = 20000;
  /** Documents that mention an entity are counted up to this many ("10,000+"). */
  const MENTIONS_COUNTED = 10000;

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
    document.body.dataset.renderedAt = String(Math.round(performance.now()));
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
    // The index holds a name once per document that names the entity (俄罗斯: thousands of times),
    // so many hits are asked for and folded into entities before the best are kept.
    const fullText = luceneText ? select(`
SELECT ?e ?score ?matched ?label (GROUP_CONCAT(DISTINCT STR(?c); separator=" ") AS ?classes) WHERE {
  { SELECT ?e (MAX(?hit) AS ?score) (SAMPLE(?found) AS ?matched) WHERE {
      (?e ?hit ?found) text:query (${stringLiteral(luceneText)} ${SEARCH_HITS}) }
    GROUP BY ?e ORDER BY DESC(?score) LIMIT ${SEARCH_RESULTS} }
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e a ?c }
}
GROUP BY ?e ?score ?matched ?label`, 'full-text search') : Promise.resolve([]);
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
      found.set(value(r, 'e'), { iri: value(r, 'e'), label: value(r, 'label') || SG.local(SG.decodeIri(value(r, 'e'))),
        matched: value(r, 'matched'), classes: (value(r, 'classes') || '').split(' ').filter(Boolean),
        score: number(r, 'score'), exact: false });
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
    const graphs = await SG.hasNamedGraphs();
    if (token !== generation) return;
    // A SilkGraph store repeats an entity's description in every document graph that names it
    // (中国: 54,000 times), so it is read from one of them; other names differ between documents.
    const description = `
    { ${E} rdfs:label ?v BIND("label" AS ?k) }
    UNION { ${E} a ?v BIND("class" AS ?k) }
    UNION { ${E} sg:englishName ?v BIND("en" AS ?k) }
    UNION { ${E} sg:isoCode ?v BIND("iso" AS ?k) }
    UNION { ${E} sg:iso3Code ?v BIND("iso3" AS ?k) }
    UNION { ${E} sg:adminCode ?v BIND("admin" AS ?k) }
    UNION { ${E} dcterms:title ?v BIND("title" AS ?k) }
    UNION { ${E} dcterms:date ?v BIND("date" AS ?k) }
    UNION { ${E} sg:fileName ?v BIND("file" AS ?k) }
    UNION { ${E} sg:sourceRecord ?v BIND("source" AS ?k) }
    UNION { ${E} sg:characterCount ?v BIND("chars" AS ?k) }`;
    const about = select(`
SELECT ?k ?v WHERE {
  { ${graphs ? `{ SELECT ?g WHERE { GRAPH ?g { ${E} a ?type } } LIMIT 1 }
    GRAPH ?g { ${description} }` : description} }
  UNION { ${E} skos:altLabel ?v BIND("alt" AS ?k) }
  UNION { ${E} sg:documentCount ?v BIND("documentCount" AS ?k) }
  UNION { SELECT ("mentions" AS ?k) (COUNT(*) AS ?v) WHERE {
    { SELECT ?d WHERE { ${graphs ? `GRAPH ?m { ?d sg:mentions ${E} }` : `?d sg:mentions ${E}`} } LIMIT ${MENTIONS_COUNTED + 1} } } }
}`, 'the entity').then((rows) => {
      const info = { label: null, classes: [], alt: [], en: [], codes: {}, doc: {}, mentions: 0 };
      for (const r of rows) {
        const k = value(r, 'k');
        const v = value(r, 'v');
        if (k === 'label') info.label = v;
        else if (k === 'class') info.classes.push(v);
        else if (k === 'alt') info.alt.push(v);
        else if (k === 'en') info.en.push(v);
        else if (k === 'mentions') info.mentions = Math.max(info.mentions, Number(v));
        // a SilkGraph store keeps the exact count; the counted one stops at MENTIONS_COUNTED
        else if (k === 'documentCount') info.exactMentions = Number(v);
        else if (['iso', 'iso3', 'admin'].includes(k)) info.codes[k] = v;
        else info.doc[k] = v;
      }
      if (info.exactMentions !== undefined) info.mentions = info.exactMentions;
      return info;
    });

    // The facts' queries need nothing from the description: they start now, side by side with it.
    const facts = startFacts(iri, graphs);
    SG.echartsReady.then(() => SG.chartIn($('network'))).catch(() => {});   // made while the answers are on their way
    const info = await about;
    if (token !== generation) return;
    const isDocument = info.classes.includes(SG.NS.sg + 'Document');
    if (!info.label && !info.doc.file && info.classes.length === 0 && info.mentions === 0) {
      facts.abandon();
      throw new SG.QueryError('Nothing is known about this IRI', SG.decodeIri(iri));
    }
    renderHead(iri, info, isDocument);
    if (isDocument) {
      facts.abandon();
      await showDocument(iri, info, token);
    } else {
      await showFacts(iri, info, facts, token);
    }
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
      add('Mentioned in', element('span', null, info.mentions > MENTIONS_COUNTED && info.exactMentions === undefined
        ? 'more than ' + MENTIONS_COUNTED.toLocaleString('en') + ' documents' : SG.plural(info.mentions, 'document', 'documents')));
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

  /**
   * The patterns of a group of facts: the entity as subject (out), as object (in) or either (both,
   * for a symmetric property). "statement" names a fact statement of ?o, written with the side of
   * ?o first, so that the store looks it up from the (usually smaller) other entity, not from a hub.
   */
  function groupPatterns(E, dir, p) {
    const P = sgp(p);
    if (dir === 'out')
      return { triple: `${E} ${P} ?o .`, statement: `?s rdf:object ?o ; rdf:subject ${E} ; rdf:predicate ${P} .` };
    if (dir === 'in')
      return { triple: `?o ${P} ${E} .`, statement: `?s rdf:subject ?o ; rdf:object ${E} ; rdf:predicate ${P} .` };
    return {
      triple: `{ ${E} ${P} ?o } UNION { ?o ${P} ${E} }`,
      statement: `{ ?s rdf:object ?o ; rdf:subject ${E} } UNION { ?s rdf:subject ?o ; rdf:object ${E} } ?s rdf:predicate ${P} .`
    };
  }

  /**
   * Starts every query of an entity's page but its description, as two chains that run side by
   * side: the facts (the groups and their counts; each group's best supported facts with the other
   * entities' names and classes; the evidence of those; the picture, drawn from them, with a second
   * step around a small graph) and the events (the latest; their dates, places and organizers).
   */
  function startFacts(iri, graphs) {
    const E = iriRef(iri);
    const symmetric = FACT_PROPERTIES.filter((p) => PROPERTIES[p].symmetric);
    const directed = FACT_PROPERTIES.filter((p) => !PROPERTIES[p].symmetric);
    const directedLinks = LINK_PROPERTIES.filter((p) => !PROPERTIES[p].symmetric);

    // ---- fact groups
    const groupsQuery = select(`
SELECT ?dir ?p (COUNT(DISTINCT ?o) AS ?others) WHERE {
  { VALUES ?p { ${values(directed)} } ${E} ?p ?o BIND("out" AS ?dir) }
  UNION { VALUES ?p { ${values(directedLinks)} } ?o ?p ${E} BIND("in" AS ?dir) }
  UNION { VALUES ?p { ${values(symmetric)} } { ${E} ?p ?o } UNION { ?o ?p ${E} } BIND("both" AS ?dir) }
}
GROUP BY ?dir ?p`, 'fact groups').then((rows) => {
      // total: the entity's links to other entities (one per property and entity).
      const result = { total: 0, groups: [] };
      for (const r of rows) {
        const g = { dir: value(r, 'dir'), p: SG.local(value(r, 'p')), others: number(r, 'others') };
        result.groups.push(g);
        if (!PROPERTIES[g.p].literal) result.total += g.others;
      }
      const order = (g) => FACT_PROPERTIES.indexOf(g.p) * 2 + (g.dir === 'in' ? 1 : 0);
      result.groups.sort((a, b) => order(a) - order(b));
      return result;
    });

    // Each group's facts: those stated in the most documents (gazetteer facts: some), one fact
    // statement of each to show, and the other entity's name, other names and classes. With named
    // graphs, these are read in the document graph that states the fact, where they are at hand;
    // the default graph would merge the copies of every document that names a hub like 中国.
    const aggregate = `(GROUP_CONCAT(DISTINCT STR(?c); separator=" ") AS ?classes) (GROUP_CONCAT(DISTINCT ?alt; separator="\\n") AS ?alts)`;
    const namesIn = (g) => `
  OPTIONAL { ${g ? `GRAPH ${g} { ?o rdfs:label ?label }` : '?o rdfs:label ?label'} }
  OPTIONAL { ${g ? `GRAPH ${g} { ?o a ?c }` : '?o a ?c'} }
  OPTIONAL { ${g ? `GRAPH ${g} { ?o skos:altLabel ?alt }` : '?o skos:altLabel ?alt'} }`;
    const rowsOf = (g) => {
      const { triple, statement } = groupPatterns(E, g.dir, g.p);
      let query;
      if (PROPERTIES[g.p].structural) {
        // Gazetteer facts (中国 has 1,500 places and organizations in it): the first found, as
        // counting the documents that repeat them would cost more than it tells.
        query = `
SELECT ?o ?s ?label ${aggregate} WHERE {
  { SELECT DISTINCT ?o WHERE { ${triple} } LIMIT ${ROWS_PER_GROUP} }
  OPTIONAL { ${statement} }${namesIn(null)}
} GROUP BY ?o ?s ?label`;
      } else if (graphs) {
        // A fact's support: the document graphs that hold it (quad indexes, fast for a hub).
        query = `
SELECT ?o ?n ?s ?label ${aggregate} WHERE {
  { SELECT ?o (COUNT(DISTINCT ?g) AS ?n) (SAMPLE(?g) AS ?g1) WHERE { GRAPH ?g { ${triple} } }
    GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT ${ROWS_PER_GROUP} }
  OPTIONAL { GRAPH ?g1 { ${statement} } }${namesIn('?g1')}
} GROUP BY ?o ?n ?s ?label`;
      } else {
        query = `
SELECT ?o ?n ?s ?label ${aggregate} WHERE {
  { SELECT ?o (COUNT(DISTINCT ?d) AS ?n) (SAMPLE(?s0) AS ?s) WHERE {
      { SELECT DISTINCT ?o WHERE { ${triple} } }
      OPTIONAL { ${statement.replace(/\?s\b/g, '?s0')} ?s0 prov:wasDerivedFrom ?d . }
    } GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT ${ROWS_PER_GROUP} }${namesIn(null)}
} GROUP BY ?o ?n ?s ?label`;
      }
      return select(query, PROPERTIES[g.p].en).then((rows) => {
        // One row per other entity (a document may state the fact in more than one sentence).
        const byOther = new Map();
        for (const r of rows) {
          const key = r.o.type + ' ' + r.o.value + ' ' + (r.o.datatype || '');
          if (!byOther.has(key)) byOther.set(key, r);
        }
        g.rows = [...byOther.values()].sort((a, b) => number(b, 'n') - number(a, 'n')
          || (value(a, 'label') || a.o.value).localeCompare(value(b, 'label') || b.o.value, 'zh'));
        return g;
      });
    };
    const factsChain = groupsQuery.then(async (result) => {
      // A large group of gazetteer facts (中国: 1,500 places in it) waits for a click.
      for (const g of result.groups) {
        if (PROPERTIES[g.p].structural && g.others > ROWS_PER_GROUP) {
          g.rows = [];
          g.load = () => rowsOf(g);
        }
      }
      await Promise.all(result.groups.filter((g) => !g.load).map(rowsOf));
      const statements = new Set();
      for (const g of result.groups)
        for (const r of g.rows)
          if (value(r, 's')) statements.add(value(r, 's'));
      result.evidence = await evidenceOf([...statements]);
      return result;
    });

    // ---- the picture: drawn from the facts the groups show. Each group of stated facts (合作,
    // 主办的活动, …) sends its best supported few, the rest of the places go to the best supported
    // of all, and gazetteer facts fill what is left; so a hub like 中国 shows its events beside its
    // 283 partners. A small graph gets a second step.
    const pictureChain = factsChain.then(async (result) => {
      const graph = newGraph(iri);
      graph.total = result.total;
      const names = rowNames(result.groups);
      const candidates = [];
      for (const g of result.groups) {
        if (PROPERTIES[g.p].literal) continue;
        g.rows.forEach((r, rank) => candidates.push({ g, r, rank, o: value(r, 'o'), n: number(r, 'n') }));
      }
      const chosen = new Set();
      const take = (c) => {
        if (graph.nodes.size > NEIGHBOURS || chosen.has(c)) return;
        chosen.add(c);
        graph.node(c.o, c.n, 1);
        if (c.g.dir === 'in') graph.edge(c.o, iri, c.g.p);
        else graph.edge(iri, c.o, c.g.p);
      };
      const stated = candidates.filter((c) => !PROPERTIES[c.g.p].structural);
      stated.filter((c) => c.rank < PER_GROUP).forEach(take);
      stated.slice().sort((a, b) => b.n - a.n).forEach(take);
      candidates.filter((c) => PROPERTIES[c.g.p].structural).forEach(take);
      if (result.total <= SMALL_GRAPH) {
        const firstHop = [...graph.nodes.keys()].filter((x) => x !== iri);
        await Promise.all(firstHop.map((x) => hop(x, iri, graph)));
      }
      // Names of the nodes a second step brought; the center's come with its description.
      const unnamed = [...graph.nodes.keys()].filter((x) => x !== iri && !names.has(x));
      for (const [x, n] of await namesOf(unnamed)) names.set(x, n);
      graph.names = names;
      return graph;
    });

    // ---- events it took part in: held in it, organized or hosted by it, or by a place or an
    // organization in it; the latest first.
    const eventsChain = select(`
SELECT ?ev (MAX(STR(?d)) AS ?start) WHERE {
  { SELECT DISTINCT ?ev WHERE {
      VALUES ?p { sg:heldIn sg:organizedBy sg:hostedBy }
      { ?ev ?p ${E} } UNION { ?via sg:locatedIn ${E} . ?ev ?p ?via } } }
  OPTIONAL { ?ev sg:startDate ?d }
}
GROUP BY ?ev ORDER BY DESC(?start) ?ev LIMIT ${EVENTS + 1}`, 'events').then(async (rows) => {
      const events = { more: rows.length > EVENTS, rows: rows.slice(0, EVENTS) };
      const iris = events.rows.map((r) => value(r, 'ev'));
      [events.details, events.names] = await eventDetails(iris, graphs);
      return events;
    });

    const all = Promise.all([factsChain, pictureChain, eventsChain]);
    return { all, abandon: () => all.catch(() => {}) };
  }

  async function showFacts(iri, info, facts, token) {
    const [groups, graph, events] = await facts.all;
    await SG.echartsReady;
    if (token !== generation) return;
    graph.names.set(iri, { label: info.label, alt: info.alt, classes: info.classes, family: SG.familyOf(info.classes) });
    SG.time('draw the picture', () => drawNetwork(graph, graph.names, graph.total, token));
    SG.time('draw the facts', () => renderFacts(iri, info, groups.groups, groups.evidence));
    SG.time('draw the events', () => renderEvents(events.rows, events.more, events.details, events.names));
    rendered(token);
  }

  /** The evidence sentence, the context sentence and the document of fact statements. */
  async function evidenceOf(statements) {
    const evidence = new Map();
    for (let i = 0; i < statements.length; i += 300) {
      const part = statements.slice(i, i + 300);
      const rows = await select(`
SELECT ?s ?text ?ctx ?doc ?file ?record WHERE {
  VALUES ?s { ${part.map(iriRef).join(' ')} }
  OPTIONAL { ?s sg:evidence ?sentence . ?sentence sg:text ?text }
  OPTIONAL { ?s sg:contextEvidence ?context . ?context sg:text ?ctx }
  OPTIONAL { ?s prov:wasDerivedFrom ?doc .
             OPTIONAL { ?doc sg:fileName ?file } OPTIONAL { ?doc sg:sourceRecord ?record } }
}`, 'evidence');
      for (const r of rows)
        if (!evidence.has(value(r, 's'))) evidence.set(value(r, 's'), r);
    }
    return evidence;
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

  /**
   * Dates, places, organizers and hosts of events, and the names of all of them. A place's or an
   * organizer's name is read in a document graph that links it to the event, where it is at hand.
   */
  async function eventDetails(iris, graphs) {
    const details = new Map(iris.map((i) => [i, { start: [], end: [], places: [], organizers: [], hosts: [] }]));
    const names = new Map();
    if (iris.length === 0) return [details, names];
    const link = (p, k) => graphs
      ? `{ GRAPH ?g { ?ev ${p} ?v OPTIONAL { ?v rdfs:label ?label } } BIND("${k}" AS ?k) }`
      : `{ ?ev ${p} ?v OPTIONAL { ?v rdfs:label ?label } BIND("${k}" AS ?k) }`;
    const rows = await select(`
SELECT DISTINCT ?ev ?k ?v ?label WHERE {
  VALUES ?ev { ${iris.map(iriRef).join(' ')} }
  { ?ev rdfs:label ?v BIND("label" AS ?k) }
  UNION { ?ev sg:startDate ?v BIND("start" AS ?k) } UNION { ?ev sg:endDate ?v BIND("end" AS ?k) }
  UNION ${link('sg:heldIn', 'places')} UNION ${link('sg:organizedBy', 'organizers')} UNION ${link('sg:hostedBy', 'hosts')}
}`, 'event dates, places and organizers');
    const families = { places: 'place', organizers: 'organization', hosts: 'organization' };
    for (const r of rows) {
      const ev = value(r, 'ev');
      const k = value(r, 'k');
      const v = value(r, 'v');
      if (k === 'label') {
        names.set(ev, { label: v, alt: [], classes: [], family: 'event' });
        continue;
      }
      const list = details.get(ev)[k];
      if (!list.includes(v)) list.push(v);
      if (families[k] && !names.has(v))
        names.set(v, { label: value(r, 'label'), alt: [], classes: [], family: v.includes('/id/country/') ? 'country' : families[k] });
    }
    return [details, names];
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

  /** A card's head: its Chinese title with the English after it, and a status on the right. */
  function cardHead(zh, en, status) {
    const head = element('div', 'card-head');
    const h = element('h3', 'card-title', zh + ' ');
    h.append(element('span', 'en', en));
    head.append(h, element('span', 'status', status));
    return head;
  }

  function groupTitle(g) {
    const prop = PROPERTIES[g.p];
    if (g.dir === 'in' && prop.inv) return { zh: prop.inv[0], en: prop.inv[1] };
    return { zh: prop.zh, en: prop.en };
  }

  /** The other entity of a fact row, as the names query would give it: label, other names, classes. */
  function rowNames(groups) {
    const names = new Map();
    for (const g of groups) {
      for (const r of g.rows) {
        if (r.o.type !== 'uri') continue;
        const classes = (value(r, 'classes') || '').split(' ').filter(Boolean);
        names.set(r.o.value, { label: value(r, 'label'), alt: (value(r, 'alts') || '').split('\n').filter(Boolean),
          classes, family: SG.familyOf(classes) });
      }
    }
    return names;
  }

  function renderFacts(iri, info, groups, evidence) {
    const container = $('facts');
    const names = rowNames(groups);
    if (groups.length === 0) {
      container.replaceChildren(element('p', 'placeholder', 'No facts name this entity.'));
      return;
    }
    const own = [info.label, ...info.alt].filter(Boolean);
    // In the head: one button per group, which scrolls to it.
    const summary = element('div', 'detail');
    const dd = element('dd');
    groups.forEach((g, i) => {
      const button = element('button', 'group-button', groupTitle(g).zh + ' ' + g.others.toLocaleString('en'));
      button.type = 'button';
      button.title = groupTitle(g).en;
      button.addEventListener('click', () => container.children[i].scrollIntoView({ behavior: 'smooth', block: 'start' }));
      dd.append(button);
    });
    summary.append(element('dt', null, 'Facts'), dd);
    $('entity-details').insertBefore(summary, $('entity-details').lastElementChild);
    container.replaceChildren(...groups.map((g) => {
      const title = groupTitle(g);
      const literal = PROPERTIES[g.p].literal;
      const card = element('section', 'card fact-group');
      card.dataset.property = g.p;
      card.dataset.direction = g.dir;
      const head = cardHead(title.zh, title.en, literal ? SG.plural(g.others, 'value', 'values')
        : g.load ? SG.plural(g.others, 'entity', 'entities')
          : g.others > g.rows.length ? 'top ' + g.rows.length + ' of ' + g.others.toLocaleString('en')
          : SG.plural(g.others, 'entity', 'entities'));
      if (g.load) {
        // Loaded on demand: a large group of gazetteer facts.
        const cloud = element('div', 'chip-cloud');
        const button = element('button', 'group-button', 'Show ' + ROWS_PER_GROUP + ' of ' + g.others.toLocaleString('en'));
        button.type = 'button';
        button.addEventListener('click', async () => {
          button.disabled = true;
          try {
            await g.load();
            const names = rowNames([g]);
            cloud.replaceChildren(...g.rows.map((r) => link(names, value(r, 'o'))));
          } catch (e) {
            SG.showError($('error'), e);
            button.disabled = false;
          }
        });
        cloud.append(button);
        card.append(head, cloud, element('p', 'note', 'Known from the gazetteers or from the names, not from a sentence.'));
      } else if (PROPERTIES[g.p].structural && g.rows.every((r) => !evidence.has(value(r, 's')))) {
        // Known from gazetteers or names, with no sentence to show: the entities alone.
        const cloud = element('div', 'chip-cloud');
        cloud.append(...g.rows.map((r) => link(names, value(r, 'o'))));
        card.append(head, cloud, element('p', 'note', (g.others > g.rows.length
          ? 'The first ' + g.rows.length + ' of ' + g.others.toLocaleString('en') + ' by name. ' : '')
          + 'Known from the gazetteers or from the names, not from a sentence.'));
      } else {
        const list = element('ol', 'fact-list');
        list.append(...g.rows.map((r) => factRow(r, names, own, evidence.get(value(r, 's')))));
        card.append(head, list);
      }
      if (g.others > g.rows.length && !card.querySelector('.chip-cloud'))
        card.append(element('p', 'note', 'Showing the ' + g.rows.length + ' stated in the most documents of '
          + g.others.toLocaleString('en') + '; the query page lists them all.'));
      return card;
    }));
  }

  /** The file a statement came from: the source record's last part (file or file:line), else the file name. */
  function sourceName(e) {
    const record = value(e, 'record');
    if (record) return record.slice(Math.max(record.lastIndexOf('/'), record.lastIndexOf('\\')) + 1);
    return value(e, 'file') || SG.shortIri(value(e, 'doc'));
  }

  function factRow(r, names, own, e) {
    const item = element('li', 'fact');
    const main = element('div', 'fact-main');
    const o = r.o;
    let otherNames = [];
    if (o.type === 'uri') {
      main.append(link(names, o.value));
      const n = names.get(o.value);
      if (n) {
        otherNames = [n.label, ...n.alt].filter(Boolean);
        const top = SG.sortedClasses(n.classes)[0];
        if (top) main.append(SG.classChip(top));
      }
    } else {
      main.append(element('span', 'fact-value', SG.dateText(o.value)));
      if (/^--/.test(o.value)) main.append(element('span', 'chip', '年份未知'));
    }
    const n = number(r, 'n');
    if (n > 0) main.append(element('span', 'support', SG.plural(n, 'document', 'documents')));
    item.append(main);
    const text = e && value(e, 'text');
    if (text) {
      const quote = element('blockquote', 'evidence');
      quote.append(SG.highlighted(text, [...otherNames, ...own], null));
      for (const mark of quote.querySelectorAll('mark'))
        if (own.includes(mark.textContent) && !otherNames.includes(mark.textContent)) mark.className = 'self';
      item.append(quote);
    } else {
      item.append(element('p', 'no-evidence', 'No evidence sentence: known from a gazetteer or from the name itself.'));
    }
    const ctx = e && value(e, 'ctx');
    if (ctx) {
      const context = element('p', 'context');
      context.append(element('span', 'label', 'Context '), SG.highlighted(ctx, own, 'self'));
      item.append(context);
    }
    if (e && value(e, 'doc')) {
      const source = element('p', 'source');
      const a = element('a', 'doc-link', sourceName(e));
      a.href = SG.entityHref(value(e, 'doc'));
      source.append(element('span', 'label', 'Source '), a);
      item.append(source);
    }
    return item;
  }

  function renderEvents(rows, more, details, names) {
    const card = $('events-card');
    if (rows.length === 0) {
      card.hidden = true;
      return;
    }
    card.hidden = false;
    $('events-status').textContent = more ? 'the latest ' + rows.length + ' (more in the overview)'
      : SG.plural(rows.length, 'event', 'events');
    $('event-list').replaceChildren(...rows.map((r) => {
      const ev = value(r, 'ev');
      const d = details.get(ev);
      const item = element('li', 'event-row');
      item.dataset.iri = ev;
      const what = element('div', 'event-what');
      what.append(link(names, ev));
      const meta = element('div', 'event-meta');
      for (const place of d.places) {
        const where = element('span', 'meta-item place');
        where.append(link(names, place));
        meta.append(where);
      }
      for (const [role, list] of [['主办', d.organizers], ['承办', d.hosts]]) {
        if (list.length === 0) continue;
        const who = element('span', 'meta-item');
        who.append(element('span', 'role', role));
        list.slice().sort((a, b) => labelOf(names, a).localeCompare(labelOf(names, b), 'zh')).forEach((x, i) => {
          if (i > 0) who.append(document.createTextNode('、'));
          who.append(link(names, x));
        });
        meta.append(who);
      }
      what.append(meta);
      item.append(element('span', 'event-date', dateRange(d)), what);
      return item;
    }));
  }

  function dateRange(d) {
    // A full date before a month-day with no year.
    const byDate = (a, b) => (a.startsWith('--') - b.startsWith('--')) || (a < b ? -1 : a > b ? 1 : 0);
    const start = d.start.slice().sort(byDate)[0];
    const end = d.end.slice().sort(byDate).reverse()[0];
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
    await SG.echartsReady;
    if (token !== generation) return;

    const graph = newGraph(iri);
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
    // The entity with the most facts in the document is drawn in the middle.
    const hub = [...graph.nodes.values()].sort((a, b) => b.support - a.support)[0];
    graph.center = hub ? hub.id : null;
    graph.document = true;

    const container = $('facts');
    const card = element('section', 'card fact-group');
    const head = cardHead('事实', 'facts stated in this document', SG.plural(facts.length, 'statement', 'statements'));
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
    const mhead = cardHead('提及', 'entities it names', SG.plural(mentions.length, 'entity', 'entities'));
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

  function newGraph(center) {
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
    // Labels: the center and the best supported neighbours; the rest show theirs on hover.
    const ranked = [...graph.nodes.values()].filter((n) => n.hop === 1).sort((a, b) => b.support - a.support);
    const labelled = new Set(ranked.slice(0, narrow ? 10 : NEIGHBOURS).map((n) => n.id));
    if (!narrow && graph.nodes.size <= 45)
      for (const n of graph.nodes.values()) labelled.add(n.id);
    const nodes = [...graph.nodes.values()].map((n) => {
      const family = n.id === graph.center ? (names.get(n.id) || {}).family || 'other' : familyOfIri(names, n.id);
      present.add(family);
      const isCenter = n.id === graph.center && !graph.document;
      // Area grows with the documents that support the link, on a log scale (a hub's partners
      // range from 1 to thousands of documents).
      const size = isCenter ? 46 : n.hop === 2 ? 12
        : 14 + 24 * Math.log(1 + Math.min(n.support, maxSupport)) / Math.log(1 + Math.max(maxSupport, 8));
      const label = labelOf(names, n.id);
      return {
        id: n.id,
        name: label,
        category: families.indexOf(family),
        symbolSize: Math.round(size),
        value: n.support === Infinity ? null : n.support,
        label: {
          show: isCenter || labelled.has(n.id),
          formatter: label.length > (narrow ? 6 : 12) ? label.slice(0, narrow ? 5 : 11) + '…' : label,
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
    SG.drawGraph(chart, {
      tooltip: {
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
        categories: families.map((f) => ({ name: SG.FAMILIES[f].zh, itemStyle: { color: SG.FAMILIES[f].color } })),
        data: nodes,
        links,
        edgeLabel: {
          show: !narrow && links.length <= 60,
          formatter: (p) => p.data.name,
          fontSize: 10,
          color: '#7a8499'
        },
        lineStyle: { color: '#b4bccb', curveness: 0.08, opacity: 0.9 },
        emphasis: { focus: 'adjacency', label: { show: true }, lineStyle: { width: 2.5 } },
        edgeSymbolSize: 7,
        scaleLimit: { min: 0.4, max: 4 }
      }]
    }, graph.center, (l) => (l.source === graph.center || l.target === graph.center ? 150 : 70), graph.document ? 0.06 : 0.01,
    narrow ? [24, 64, 52, 64] : [28, 130, 52, 130]);
    chart.off('click');
    chart.on('click', (p) => {
      if (p.dataType === 'node' && (graph.document || p.data.id !== graph.center)) location.hash = 'e=' + encodeURIComponent(p.data.id);
    });
    const count = graph.nodes.size - (graph.document ? 0 : 1);
    const hop1 = [...graph.nodes.values()].filter((n) => n.hop === 1).length;
    const hop2 = [...graph.nodes.values()].filter((n) => n.hop === 2).length;
    $('network-status').textContent = !graph.document
      ? (total > hop1 ? 'showing ' + hop1 + ' of ' + total.toLocaleString('en') + ' links' : SG.plural(hop1, 'neighbour', 'neighbours'))
        + (hop2 ? ' + ' + hop2 + ' at two steps' : '')
      : SG.plural(count, 'entity', 'entities');
    box.dataset.nodes = String(nodes.length);
  }

  route();
})();
