// The HTML report's script: draws every list from DATA (the report's data,
// JSON), a page at a time. Input text is only ever set with textContent.
// No less-than sign in this file: the page's tests check that every one on
// the page opens a known tag.
(function () {
  'use strict';
  var S = DATA.statements;
  var PAGE = 100;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function byId(id) { return document.getElementById(id); }

  // Relations per statement, built once: [other, type, outgoing, reason].
  var rels = S.map(function () { return []; });
  DATA.relations.forEach(function (r) {
    rels[r[0]].push([r[1], r[2], true, r[3]]);
    rels[r[1]].push([r[0], r[2], false, r[3]]);
  });

  function where(s) {
    var parts = [];
    if (s.article) parts.push(s.article);
    if (s.line) parts.push('line ' + s.line);
    if (s.sentence) parts.push('sentence ' + s.sentence);
    if (s.span) parts.push('characters ' + s.span[0] + '–' + s.span[1]);
    return parts.join(', ');
  }

  // A statement with its evidence: kind, source as named in the text, the
  // sentence with the cue and the content marked, where it comes from.
  function card(i) {
    var s = S[i];
    var d = el('div', 'stmt');
    d.setAttribute('data-key', s.id);
    var head = el('div');
    head.appendChild(el('span', 'kind', (s.implicit ? 'implicit ' : '') + s.kind));
    head.appendChild(el('span', 'src', s.source));
    if (s.mention) head.appendChild(el('span', 'mention', ' (named “' + s.mention + '”)'));
    head.appendChild(document.createTextNode(': ' + s.text));
    d.appendChild(head);
    if (s.quote) {
      var q = el('div', 'quote');
      s.quote.forEach(function (p) {
        if (p[0] === 1) q.appendChild(el('span', 'cue', p[1]));
        else if (p[0] === 2) q.appendChild(el('span', 'content', p[1]));
        else q.appendChild(document.createTextNode(p[1]));
      });
      d.appendChild(q);
    }
    var meta = [s.id];
    var w = where(s);
    if (w) meta.push(w);
    if (s.cue) meta.push('cue “' + s.cue + '”');
    if (s.target) meta.push('target ' + s.target);
    if (s.via) meta.push('via ' + s.via.join(', '));
    if (s.camp !== -1) meta.push('camp: ' + campName(s.camp));
    d.appendChild(el('div', 'meta', meta.join(' · ')));
    d.addEventListener('click', function (ev) {
      ev.stopPropagation();
      select(s.id, true);
    });
    return d;
  }

  function campName(c) {
    var k = DATA.camps[c];
    return 'dispute ' + k.group + ', ' + k.label;
  }

  // Draws items into box a page at a time, with a "show more" button.
  function paged(box, items, draw, page) {
    page = page || PAGE;
    box.textContent = '';
    var shown = 0;
    var button = el('button', 'more');
    function more() {
      var end = Math.min(items.length, shown + page);
      for (; end > shown; shown++) box.insertBefore(draw(items[shown], shown), button);
      if (shown === items.length) button.remove();
      else button.textContent = 'show ' + Math.min(page, items.length - shown) + ' more of ' + (items.length - shown);
    }
    box.appendChild(button);
    button.addEventListener('click', more);
    more();
  }

  var index = {};
  S.forEach(function (s, i) { index[s.id] = i; });

  // Selection: the statement (or actor) and its relations in the picture,
  // its rows in the lists, its evidence in the side panel.
  function select(key, scroll) {
    all('.hl').forEach(function (e) { e.classList.remove('hl'); });
    all('.rel').forEach(function (e) { e.classList.remove('rel'); });
    var graph = document.querySelector('.graph');
    graph.classList.remove('focus');
    if (!key) return;
    var node = all('g.node').filter(function (n) { return n.getAttribute('data-key') === key; })[0];
    if (node) {
      node.classList.add('hl');
      graph.classList.add('focus');
      var id = node.id.replace(/^node-/, '');
      all('path.edge').forEach(function (e) {
        var f = e.getAttribute('data-from'), t = e.getAttribute('data-to');
        if (f === id || t === id) {
          e.classList.add('hl');
          var other = byId('node-' + (f === id ? t : f));
          if (other) other.classList.add('rel');
        }
      });
      if (scroll && node.scrollIntoView) node.scrollIntoView({block: 'nearest', inline: 'nearest'});
    }
    var detail = byId('detail');
    detail.textContent = '';
    if (key in index) {
      var i = index[key];
      detail.appendChild(el('h3', null, 'Statement'));
      detail.appendChild(card(i));
      if (rels[i].length) {
        detail.appendChild(el('h3', null, 'Relations'));
        rels[i].forEach(function (r) {
          var o = S[r[0]];
          var line = el('div', 'meta');
          line.textContent = (r[2] ? r[1] + ' → ' : '← ' + r[1] + ' by ') + o.source + ': ' + o.text + ' (' + r[3] + ')';
          line.style.cursor = 'pointer';
          line.addEventListener('click', function () { select(o.id, true); });
          detail.appendChild(line);
        });
      }
    } else if (DATA.actor_view) {
      var a = DATA.actors.map(function (x) { return x.id; }).indexOf(key);
      if (a !== -1 || key === 'narration') {
        byId('f-actor').value = a === -1 ? '-1' : String(a);
        filter();
        detail.appendChild(el('h3', null, a === -1 ? 'narration' : DATA.actors[a].name));
        detail.appendChild(el('p', 'meta', 'Its statements are listed under “Statements and their evidence”.'));
      }
    }
    all('.stmt').forEach(function (r) { if (r.getAttribute('data-key') === key) r.classList.add('hl'); });
    document.body.setAttribute('data-selected', key);
  }

  all('g.node').forEach(function (n) {
    n.addEventListener('click', function () { select(n.getAttribute('data-key'), false); });
  });

  // Filters.
  function option(select, value, text) {
    var o = el('option', null, text);
    o.value = value;
    select.appendChild(o);
  }
  var fActor = byId('f-actor'), fCamp = byId('f-camp'), fKind = byId('f-kind'), fText = byId('f-text');
  DATA.actors.forEach(function (a, k) { option(fActor, String(k), a.name + ' (' + a.statements + ')'); });
  if (S.some(function (s) { return s.actor === -1; })) option(fActor, '-1', 'narration');
  DATA.camps.forEach(function (c, k) { option(fCamp, String(k), campName(k)); });
  option(fCamp, '-1', 'outside any dispute');
  var kinds = {};
  S.forEach(function (s) { kinds[s.kind] = true; });
  Object.keys(kinds).sort().forEach(function (k) { option(fKind, k, k); });

  function matches(s, words) {
    if (!words.length) return true;
    var hay = (s.text + ' ' + s.source + ' ' + (s.mention || '') + ' ' + s.id + ' ' +
      (s.quote ? s.quote.map(function (p) { return p[1]; }).join('') : '')).toLowerCase();
    return words.every(function (w) { return hay.indexOf(w) !== -1; });
  }
  function filter() {
    var actor = fActor.value, camp = fCamp.value, kind = fKind.value;
    var words = fText.value.toLowerCase().split(/\s+/).filter(Boolean);
    var hits = [];
    for (var i = 0; S.length > i; i++) {
      var s = S[i];
      if (actor !== '' && String(s.actor) !== actor) continue;
      if (camp !== '' && String(s.camp) !== camp) continue;
      if (kind !== '' && s.kind !== kind) continue;
      if (!matches(s, words)) continue;
      hits.push(i);
    }
    byId('f-count').textContent = hits.length + ' of ' + S.length + ' statements';
    paged(byId('evidence'), hits, card);
  }
  var timer = null;
  fText.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(filter, 150);
  });
  [fActor, fCamp, fKind].forEach(function (f) { f.addEventListener('change', filter); });
  filter();

  // Contradictions.
  paged(byId('contradictions'), DATA.contradictions, function (c, k) {
    var d = el('div', 'contradiction ' + c.kind);
    d.appendChild(el('b', null, (k + 1) + '. ' + c.kind + ' — ' + c.relation));
    d.appendChild(el('span', 'meta', ' confidence ' + c.confidence + (c.group ? ', dispute ' + c.group : '')));
    d.appendChild(card(c.a));
    d.appendChild(card(c.b));
    var why = el('div', 'why', 'Why:');
    var ul = el('ul');
    c.why.forEach(function (w) {
      var a = S[w[0]], b = S[w[2]];
      var li = el('li', null, a.id + ' (' + a.source + ') ' + w[1] + ' ' + b.id + ' (' + b.source + ') — ');
      li.appendChild(el('i', null, w[3]));
      ul.appendChild(li);
    });
    why.appendChild(ul);
    d.appendChild(why);
    return d;
  }, 25);
  if (!DATA.contradictions.length) byId('contradictions').textContent = 'None.';

  // Sides: per dispute, its two camps.
  var groups = {};
  DATA.camps.forEach(function (c, k) { (groups[c.group] = groups[c.group] || []).push(k); });
  paged(byId('sides'), Object.keys(groups).map(Number), function (g) {
    var box = el('div');
    box.appendChild(el('h3', null, 'Dispute ' + g));
    var row = el('div', 'camps');
    groups[g].forEach(function (k) {
      var c = DATA.camps[k];
      var camp = el('div', 'camp');
      camp.appendChild(el('b', null, 'Camp ' + c.camp + ': ' + c.label));
      var list = el('div');
      camp.appendChild(list);
      paged(list, c.statements, card, 8);
      row.appendChild(camp);
    });
    box.appendChild(row);
    return box;
  }, 10);
  if (!DATA.camps.length) byId('sides').textContent = 'No disputes.';

  function names(list) {
    return list.map(function (i) { return S[i].source + ' (' + S[i].id + ')'; }).join(', ');
  }
  paged(byId('contested'), DATA.contested, function (c) {
    var d = el('div');
    d.appendChild(card(c.statement));
    d.appendChild(el('div', 'meta', 'supported by ' + names(c.supporters) + '; opposed by ' + names(c.opponents)));
    return d;
  }, 25);
  if (!DATA.contested.length) byId('contested').textContent = 'None.';

  // The actor table.
  var table = el('table');
  var head = el('tr');
  ['Actor', 'Statements', 'Supports', 'Disputes', 'Denies'].forEach(function (t) { head.appendChild(el('th', null, t)); });
  table.appendChild(head);
  byId('actors').appendChild(table);
  var rows = el('tbody');
  table.appendChild(rows);
  paged(rows, DATA.actor_table, function (a) {
    var tr = el('tr');
    [a.name, a.statements, a.supports, a.disputes, a.denies].forEach(function (v) { tr.appendChild(el('td', null, v)); });
    return tr;
  }, 200);

  if (DATA.inconsistencies.length) {
    paged(byId('inconsistencies'), DATA.inconsistencies, function (t) { return el('li', null, t); }, 100);
  } else {
    byId('inconsistencies-section').remove();
  }

  // "#select=ID" selects a statement on load, through the same click handler.
  var m = /#select=(.*)$/.exec(location.hash);
  if (m) {
    var key = decodeURIComponent(m[1]);
    var node = all('g.node').filter(function (n) { return n.getAttribute('data-key') === key; })[0];
    if (node) node.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    else select(key, true);
  }
})();
