// SilkGraph query page: canned queries in an editor, results as a table. Plain JavaScript, no libraries.
// Everything that comes from the server or the graph is inserted as text (textContent), never as HTML.
'use strict';

(function () {
  const KNOWN_PREFIXES = {
    sg: 'https://w3id.org/silkgraph/ontology#',
    id: 'https://w3id.org/silkgraph/id/',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    skos: 'http://www.w3.org/2004/02/skos/core#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    owl: 'http://www.w3.org/2002/07/owl#',
    prov: 'http://www.w3.org/ns/prov#',
    dcterms: 'http://purl.org/dc/terms/',
    schema: 'https://schema.org/'
  };
  const NUMERIC = /#(integer|decimal|double|float|long|int|short|byte|nonNegativeInteger|positiveInteger|negativeInteger|nonPositiveInteger|unsignedLong|unsignedInt|unsignedShort|unsignedByte)$/;
  // In columns of a Latin letter's width (a Chinese character is two): a value wider than LONG wraps
  // in its cell, a shorter one stays on one line; one wider than TEXT (a sentence) gets a wider column.
  const LONG = 32;
  const TEXT = 80;
  const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
  const MAX_ROWS = 5000;
  const REASONS = {
    400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Payload Too Large',
    415: 'Unsupported Media Type', 500: 'Internal Server Error', 503: 'Service Unavailable'
  };
  const INDENT = '  ';

  const $ = (id) => document.getElementById(id);
  const editor = $('editor');
  const runButton = $('run');
  const list = $('query-list');

  let endpoint = null;
  let queries = [];
  let chosen = null;
  let running = false;
  let leaveOnTab = false;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // ---- canned queries ------------------------------------------------------------------------

  async function loadQueries() {
    let data;
    try {
      const response = await fetch('queries.json', { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error('HTTP ' + response.status + ' ' + (await response.text()).trim());
      data = await response.json();
    } catch (e) {
      showError('Cannot load the canned queries', e.message);
      return;
    }
    endpoint = data.endpoint;
    queries = data.queries || [];
    $('endpoint').textContent = endpoint;
    list.replaceChildren(...queries.map(queryItem));
    const wanted = readable(location.hash.slice(1));
    const first = queries.find((q) => q.name === wanted) || queries[0];
    if (first) choose(first.name, false);
  }

  // A query named in the address (#events) is chosen, also when only the address's # part changes.
  window.addEventListener('hashchange', () => {
    const wanted = queries.find((q) => q.name === readable(location.hash.slice(1)));
    if (wanted && wanted !== chosen) choose(wanted.name, false);
  });

  function queryItem(query) {
    const button = element('button');
    button.type = 'button';
    button.dataset.query = query.name;
    button.setAttribute('aria-pressed', 'false');
    button.title = query.name;
    button.append(element('span', 'title', query.title), element('span', 'description', query.description));
    button.addEventListener('click', () => choose(query.name, true));
    const item = element('li');
    item.append(button);
    return item;
  }

  function choose(name, focus) {
    const query = queries.find((q) => q.name === name);
    if (!query) return;
    chosen = query;
    editor.value = query.text;
    editor.scrollTop = 0;
    showTitle();
    for (const button of list.querySelectorAll('button'))
      button.setAttribute('aria-pressed', String(button.dataset.query === name));
    history.replaceState(null, '', '#' + encodeURIComponent(name));
    if (focus) editor.focus({ preventScroll: true });
  }

  /** The chosen query's title, marked once the text in the editor is no longer the canned text. */
  function showTitle() {
    if (!chosen) return;
    $('query-title').textContent = chosen.title + (editor.value === chosen.text ? '' : ' · edited');
  }

  editor.addEventListener('input', showTitle);

  // ---- editor: Tab indents, Shift+Tab outdents, Esc then Tab leaves, Ctrl/Cmd+Enter runs -----------

  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
      return;
    }
    if (event.key === 'Escape') {
      leaveOnTab = true;
      return;
    }
    if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      if (leaveOnTab) {
        leaveOnTab = false;
        return;
      }
      event.preventDefault();
      if (event.shiftKey) outdent();
      else indent();
      return;
    }
    leaveOnTab = false;
  });

  editor.addEventListener('blur', () => { leaveOnTab = false; });

  /** Replaces editor[start, end) with text, keeping the browser's undo history where it can. */
  function replaceRange(start, end, text, selectStart, selectEnd) {
    editor.focus();
    editor.setSelectionRange(start, end);
    if (!document.execCommand || !document.execCommand('insertText', false, text))
      editor.setRangeText(text, start, end, 'end');
    editor.setSelectionRange(selectStart, selectEnd);
  }

  function indent() {
    const { selectionStart: start, selectionEnd: end, value } = editor;
    const selected = value.slice(start, end);
    if (!selected.includes('\n')) {
      replaceRange(start, end, INDENT, start + INDENT.length, start + INDENT.length);
      return;
    }
    const lineStart = value.lastIndexOf('\n', start - 1) + 1;
    const lines = value.slice(lineStart, end).split('\n');
    const text = lines.map((line) => INDENT + line).join('\n');
    replaceRange(lineStart, end, text, start + INDENT.length, lineStart + text.length);
  }

  function outdent() {
    const { selectionStart: start, selectionEnd: end, value } = editor;
    const lineStart = value.lastIndexOf('\n', start - 1) + 1;
    const lines = value.slice(lineStart, end).split('\n');
    let removedFirst = 0;
    const text = lines.map((line, i) => {
      const n = line.startsWith(INDENT) ? INDENT.length : line.startsWith(' ') ? 1 : 0;
      if (i === 0) removedFirst = n;
      return line.slice(n);
    }).join('\n');
    if (text.length === end - lineStart) return;
    const newStart = Math.max(lineStart, start - removedFirst);
    replaceRange(lineStart, end, text, newStart, start === end ? newStart : lineStart + text.length);
  }

  // ---- running a query -------------------------------------------------------------------------

  runButton.addEventListener('click', run);

  async function run() {
    if (running || !endpoint) return;
    const query = editor.value;
    if (!query.trim()) {
      showError('Nothing to run', 'The editor is empty.');
      return;
    }
    running = true;
    runButton.disabled = true;
    runButton.textContent = 'Running…';
    hideError();
    const started = performance.now();
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
          Accept: 'application/sparql-results+json, text/turtle;q=0.9, text/plain;q=0.1'
        },
        body: new URLSearchParams({ query: query }).toString()
      });
      const type = (response.headers.get('Content-Type') || '').toLowerCase();
      const text = await response.text();
      if (!response.ok) {
        showServerError(response, text);
        $('results').hidden = true;
        return;
      }
      if (type.includes('json')) {
        const data = JSON.parse(text);
        const elapsed = Math.round(performance.now() - started);
        if (typeof data.boolean === 'boolean') showBoolean(data.boolean, elapsed);
        else showTable(data, elapsed, prefixesOf(query));
      } else {
        showGraph(text, Math.round(performance.now() - started));
      }
    } catch (e) {
      // fetch fails with a TypeError when the server cannot be reached
      showError(e instanceof TypeError ? 'No answer from the server' : 'Cannot read the answer', e.message);
      $('results').hidden = true;
    } finally {
      running = false;
      runButton.disabled = false;
      runButton.textContent = 'Run';
    }
  }

  function showServerError(response, body) {
    const reason = response.statusText || REASONS[response.status] || '';
    let message = body
      .replace(/\n*Fuseki - version[^\n]*\n?$/, '')   // Fuseki's signature line
      .trim();
    if (response.status === 503)
      message = (message ? message + '\n\n' : '') + 'The query ran longer than the server allows, or the server is busy.';
    showError('HTTP ' + response.status + (reason ? ' ' + reason : ''), message);
  }

  function showError(title, message) {
    $('error-title').textContent = title;
    $('error-message').textContent = message || '';
    $('error-message').hidden = !message;
    $('error').hidden = false;
  }

  function hideError() {
    $('error').hidden = true;
  }

  function showResults(status, ...content) {
    $('status').textContent = status;
    $('results-body').replaceChildren(...content);
    $('results-body').scrollTop = 0;
    $('results').hidden = false;
  }

  function rowsLabel(n) {
    return n.toLocaleString('en') + (n === 1 ? ' row' : ' rows');
  }

  function showBoolean(answer, elapsed) {
    showResults('ASK · ' + elapsed + ' ms', element('span', 'answer ' + answer, String(answer)));
  }

  function showGraph(text, elapsed) {
    if (!text.trim()) {
      showResults('Turtle · ' + elapsed + ' ms', element('p', 'empty', 'The graph is empty.'));
      return;
    }
    showResults('Turtle · ' + elapsed + ' ms', element('pre', 'graph', text));
  }

  function showTable(data, elapsed, prefixes) {
    const vars = (data.head && data.head.vars) || [];
    const rows = (data.results && data.results.bindings) || [];
    const status = rowsLabel(rows.length) + ' · ' + elapsed + ' ms';
    if (rows.length === 0) {
      showResults(status, element('p', 'empty', 'No rows.'));
      return;
    }
    const table = element('table', 'table');
    const headRow = element('tr');
    headRow.append(element('th', 'row-number', '#'));
    for (const v of vars) {
      const th = element('th', null, v);
      th.scope = 'col';
      headRow.append(th);
    }
    table.createTHead().append(headRow);
    const body = table.createTBody();
    const shown = Math.min(rows.length, MAX_ROWS);
    for (let i = 0; i < shown; i++) {
      const tr = element('tr');
      tr.append(element('td', 'row-number', String(i + 1)));
      for (const v of vars) tr.append(cell(rows[i][v], prefixes));
      body.append(tr);
    }
    const content = [table];
    if (shown < rows.length)
      content.push(element('p', 'note', 'Showing the first ' + rowsLabel(shown) + ' of ' + rows.length.toLocaleString('en') + '.'));
    showResults(status, ...content);
  }

  // ---- RDF terms -------------------------------------------------------------------------------

  /** The known prefixes, and those the query declares. */
  function prefixesOf(query) {
    const prefixes = Object.assign({}, KNOWN_PREFIXES);
    const declaration = /^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>/gim;
    let match;
    while ((match = declaration.exec(query)) !== null) {
      const name = match[1] || '';
      if (!(name in prefixes) && match[2]) prefixes[name] = match[2];
    }
    return Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
  }

  function readable(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  function cell(term, prefixes) {
    const td = element('td');
    if (!term) {
      td.className = 'unbound';
      return td;
    }
    if (term.type === 'uri') {
      td.append(iri(term.value, prefixes));
    } else if (term.type === 'bnode') {
      td.append(element('span', 'bnode', '_:' + term.value));
    } else if (term.type === 'literal' || term.type === 'typed-literal') {
      td.textContent = term.value;
      if (term['xml:lang']) td.title = '@' + term['xml:lang'];
      else if (term.datatype) {
        td.title = shorten(term.datatype, prefixes).join('');
        if (NUMERIC.test(term.datatype)) td.className = 'number';
      }
    } else if (term.type === 'triple' && term.value) {
      const v = term.value;
      td.append('<< ', cellText(v.subject, prefixes), ' ', cellText(v.predicate, prefixes), ' ',
        cellText(v.object, prefixes), ' >>');
    } else {
      td.textContent = String(term.value);
    }
    const width = displayWidth(td.textContent);
    if (width > TEXT) td.classList.add('text');
    else if (width > LONG) td.classList.add('long');
    return td;
  }

  function displayWidth(text) {
    let width = 0;
    for (const ch of text) width += WIDE.test(ch) || ch.codePointAt(0) > 0xFFFF ? 2 : 1;
    return width;
  }

  function cellText(term, prefixes) {
    return cell(term, prefixes).textContent;
  }

  /** [prefix + ':', local name], or ['', iri] when no prefix fits. */
  function shorten(value, prefixes) {
    for (const [name, namespace] of prefixes) {
      if (value.startsWith(namespace) && value.length > namespace.length)
        return [name + ':', readable(value.slice(namespace.length))];
    }
    return ['', readable(value)];
  }

  function iri(value, prefixes) {
    const [prefix, local] = shorten(value, prefixes);
    // Only web addresses become links: an IRI may have any scheme, javascript: included.
    const linked = /^https?:\/\//i.test(value);
    const node = element(linked ? 'a' : 'span', 'iri');
    if (linked) {
      node.href = value;
      node.target = '_blank';
      node.rel = 'noopener noreferrer';
    }
    node.title = value;
    if (prefix) node.append(element('span', 'prefix', prefix));
    node.append(prefix ? local : '<' + local + '>');
    return node;
  }

  loadQueries();
})();
