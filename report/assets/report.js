// citydiff report: filter and sort the measure × city matrix. Without
// JavaScript the table is complete and the controls stay hidden.
//
// The filter can be set from the address: #filter=kind:near,shared:3,city:shantou,q:公职律师
// or ?kind=near&shared=3&city=shantou&q=公职律师; changing it updates #filter=….
(function () {
  'use strict';
  var table = document.getElementById('matrix');
  var form = document.getElementById('matrix-filter');
  var status = document.getElementById('matrix-status');
  if (!table || !form || !status) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var texts = new Map();
  rows.forEach(function (r) { texts.set(r, r.textContent.toLowerCase()); });
  var keys = ['kind', 'shared', 'city', 'q'];

  function current() {
    var f = {};
    keys.forEach(function (k) { f[k] = form.elements[k].value.trim(); });
    return f;
  }

  function apply(f) {
    var shown = 0, min = parseInt(f.shared, 10) || 0, q = f.q.toLowerCase();
    rows.forEach(function (r) {
      var ok = (!f.kind || r.dataset.kind === f.kind) &&
        parseInt(r.dataset.shared, 10) >= min &&
        (!f.city || (' ' + r.dataset.docs + ' ').indexOf(' ' + f.city + ' ') >= 0) &&
        (!q || texts.get(r).indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    });
    status.textContent = shown === rows.length ?
      'Showing all ' + rows.length + ' measures' :
      'Showing ' + shown + ' of ' + rows.length + ' measures';
    table.dataset.shown = shown;
  }

  function fromAddress() {
    var f = {kind: '', shared: '', city: '', q: ''};
    var params = new URLSearchParams(location.search);
    keys.forEach(function (k) { if (params.has(k)) f[k] = params.get(k); });
    var m = /(?:^#|&)filter=([^&]*)/.exec(location.hash);
    if (m) {
      decodeURIComponent(m[1]).split(',').forEach(function (part) {
        var i = part.indexOf(':');
        if (i > 0 && keys.indexOf(part.slice(0, i)) >= 0) f[part.slice(0, i)] = part.slice(i + 1);
      });
    }
    return f;
  }

  function toAddress(f) {
    var parts = keys.filter(function (k) { return f[k]; }).map(function (k) { return k + ':' + f[k]; });
    var hash = parts.length ? '#filter=' + encodeURIComponent(parts.join(',')).replace(/%3A/g, ':').replace(/%2C/g, ',') : '';
    if (hash === location.hash || (!hash && !/filter=/.test(location.hash))) return;
    try { history.replaceState(null, '', hash || location.pathname + location.search); } catch (e) { /* file: URLs in some browsers */ }
  }

  function set(f) {
    keys.forEach(function (k) {
      var el = form.elements[k];
      el.value = f[k];
      if (el.value !== f[k]) el.value = ''; // not an option of this select
    });
    apply(current());
  }

  function changed() {
    var f = current();
    apply(f);
    toAddress(f);
  }

  // Sorting: header cells with data-sort become buttons.
  var rank = {verbatim: 0, near: 1, paraphrase: 2, unique: 3};
  var value = {
    id: function (r) { return parseInt(r.id.replace(/\D+/g, ''), 10) || 0; },
    kind: function (r) { return rank[r.dataset.kind]; },
    shared: function (r) { return parseInt(r.dataset.shared, 10); },
    sim: function (r) { return parseFloat(r.dataset.sim); },
    label: function (r) { return r.cells[4].textContent; }
  };
  var order = rows.slice();
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var key = th.dataset.sort;
    if (!key) return;
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(b);
    th.setAttribute('aria-sort', 'none');
    b.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(th.parentNode.cells, function (c) { if (c.dataset.sort) c.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var get = value[key];
      var sorted = order.slice().sort(function (a, b) {
        var x = get(a), y = get(b);
        var c = typeof x === 'string' ? x.localeCompare(y, 'zh') : x - y;
        return c * dir || order.indexOf(a) - order.indexOf(b);
      });
      sorted.forEach(function (r) { body.appendChild(r); });
    });
  });

  form.hidden = false;
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('reset', function () { setTimeout(changed, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  window.addEventListener('hashchange', function () { set(fromAddress()); });
  set(fromAddress());

  // Print everything, whatever is folded.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();
