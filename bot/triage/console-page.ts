// The staff page's console tabs: "Belum difahami / Not understood" (the review queue) and
// "Statistik / Insights" (charts drawn here as inline SVG, no chart library, no outside host).
// Plain functions spliced into the page's script (page.ts), where el(), api(), say(), view and
// when() are defined. Every value from the API is inserted as text or as an SVG attribute, never as HTML.

export const CONSOLE_STYLE = `
nav.tabs { display:flex; gap:.25rem 1rem; flex-wrap:wrap; padding:.5rem 1.25rem; border-bottom:1px solid var(--line); background:var(--soft); }
nav.tabs a { padding:.3rem .1rem; text-decoration:none; font-weight:600; }
nav.tabs a[aria-current=page] { border-bottom:3px solid var(--accent); }
ol.review { list-style:none; padding:0; margin:0; }
ol.review > li { border:1px solid var(--line); border-radius:6px; padding:.6rem .8rem; margin:0 0 .75rem; }
ol.review blockquote { margin:.3rem 0; padding:.3rem .6rem; border-left:4px solid var(--accent); background:var(--soft); white-space:pre-wrap; word-break:break-word; }
ol.review .meta { margin:0; font-size:.9rem; color:var(--muted); }
ol.review .reason { font-weight:600; color:var(--fg); }
ul.top { display:flex; flex-wrap:wrap; gap:.25rem 1rem; padding:0; margin:.3rem 0; list-style:none; font-size:.9rem; }
.labelled { font-weight:600; color:var(--accent); }
.bar.quick { margin:.4rem 0; }
pre.export { white-space:pre-wrap; word-break:break-word; background:var(--soft); padding:.6rem; border-radius:4px; max-height:20rem; overflow:auto; }
.charts { display:grid; grid-template-columns:repeat(auto-fill, minmax(min(100%, 30rem), 1fr)); gap:1rem 1.5rem; }
.charts section { margin:0; min-width:0; }
.charts h3 { font-size:1rem; margin:.5rem 0 .25rem; }
svg.chart { width:100%; height:auto; display:block; }
svg.chart text { font:11px system-ui, sans-serif; fill:#333; }
ul.legend { display:flex; flex-wrap:wrap; gap:.25rem .9rem; list-style:none; padding:0; margin:.2rem 0; font-size:.85rem; }
ul.legend svg { vertical-align:middle; margin-right:.25rem; }
.summary { margin:.2rem 0; font-size:.9rem; color:var(--muted); }
@media (max-width:480px) { nav.tabs { padding:.5rem .75rem; } }
`;

export const CONSOLE_VIEWS = String.raw`
  var OUT_OF_SCOPE = 'out_of_scope';
  var REASON_LABEL = {
    clarify: 'Bot bertanya semula / Bot asked which topic',
    miss: 'Tidak difahami / Not understood',
    out_of_scope: 'Di luar skop / Out of scope',
    down: 'Jawapan tidak membantu (👎) / Answer not helpful (👎)'
  };
  var COLORS = ['#005a70', '#d9730d', '#2e7d32', '#7b1fa2', '#c62828', '#546e7a', '#f9a825', '#0277bd'];
  var STATUS_COLOR = { open: '#c62828', in_progress: '#d9730d', resolved: '#2e7d32', closed: '#546e7a' };
  var SVG_NS = 'http://www.w3.org/2000/svg';

  function pct(x) { return Math.round(x * 100) + '%'; }
  function hashParams() {
    var i = location.hash.indexOf('?');
    return new URLSearchParams(i < 0 ? '' : location.hash.slice(i + 1));
  }
  function fail(e) { if (e.message !== '401') say(e.message); }

  /** GET with the token, for text and files (api() reads JSON). */
  function fetchAuthed(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + token() } }).then(function (res) {
      if (res.status === 401) { sessionStorage.removeItem(TOKEN_KEY); showLogin('That token was not accepted.'); throw new Error('401'); }
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res;
    });
  }
  /** Saves a response as a file: the link holds the bytes already fetched (the token never goes in a link). */
  function saveAs(res, fallback) {
    var m = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
    return res.text().then(function (text) {
      var a = el('a', { href: 'data:text/csv;charset=utf-8,' + encodeURIComponent(text), download: m ? m[1] : fallback });
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }

  // ---- Belum difahami / Not understood ----

  function showReview() {
    var filter = hashParams().get('filter') || 'open';
    clear(view);
    var heading = el('h2', { id: 'review-title', tabindex: '-1', text: 'Belum difahami / Not understood' });
    view.appendChild(heading);
    view.appendChild(el('p', { class: 'muted', text: 'Mesej yang bot tanya semula, tidak faham atau anggap di luar skop, dan jawapan yang dapat 👎. Labelkan niatnya untuk latihan. / Messages the bot asked about, did not understand or ruled out of scope, and answers that got 👎. Label what they meant, for training.' }));
    var select = el('select', { id: 'review-filter' }, [['open', 'Belum dilabel / Not labelled'], ['labelled', 'Sudah dilabel / Labelled'], ['all', 'Semua / All']].map(function (f) {
      var o = el('option', { value: f[0], text: f[1] });
      if (f[0] === filter) o.selected = true;
      return o;
    }));
    select.onchange = function () { location.hash = 'review?filter=' + select.value; };
    var exportBtn = el('button', { type: 'button', class: 'secondary', id: 'export-training', text: 'Eksport baris latihan / Export training lines' });
    view.appendChild(el('div', { class: 'bar' }, [el('div', {}, [el('label', { for: 'review-filter', text: 'Tunjuk / Show' }), select]), exportBtn]));
    var exportBox = el('section', { id: 'export', 'aria-labelledby': 'export-title' });
    exportBox.hidden = true;
    view.appendChild(exportBox);
    exportBtn.onclick = function () {
      fetchAuthed('/api/review/export').then(function (res) { return res.text(); }).then(function (text) {
        clear(exportBox);
        exportBox.hidden = false;
        exportBox.appendChild(el('h3', { id: 'export-title', text: 'Baris latihan / Training lines' }));
        exportBox.appendChild(el('p', { text: text ? 'Tambah setiap senarai ke senarai yang sama dalam intents/data/<niat>.json (atau jalankan: hanna review export --into intents/data), kemudian mulakan semula bot. / Append each list to the same list in intents/data/<intent>.json (or run: hanna review export --into intents/data), then restart the bot.' : 'Tiada item berlabel yang baharu. / No new labelled items.' }));
        if (text) exportBox.appendChild(el('pre', { class: 'export', id: 'export-text', text: text }));
        say('');
      }).catch(fail);
    };
    var count = el('p', { class: 'muted', role: 'status', id: 'review-count', text: 'Loading…' });
    view.appendChild(count);
    var list = el('ol', { class: 'review', id: 'review-list', 'aria-labelledby': 'review-title' });
    view.appendChild(list);
    api('GET', '/api/review?limit=200&filter=' + encodeURIComponent(filter)).then(function (data) {
      count.textContent = data.total + ' item' + (data.total === 1 ? '' : 's') + (data.total > data.items.length ? ' (' + data.items.length + ' shown)' : '');
      data.items.forEach(function (item) { list.appendChild(reviewItem(item, data.labels)); });
      say('');
    }).catch(fail);
  }

  function reviewItem(item, labels) {
    var li = el('li', { 'data-id': item.id });
    function label(value) {
      api('POST', '/api/review/' + encodeURIComponent(item.id) + '/label', { label: value }).then(function (updated) {
        item = updated;
        render();
        say('');
        var first = li.querySelector('button');
        if (first) first.focus();
      }).catch(fail);
    }
    function button(text, value, cls) {
      var b = el('button', { type: 'button', class: cls || 'secondary', text: text });
      b.onclick = function () { label(value); };
      return b;
    }
    function render() {
      clear(li);
      li.appendChild(el('p', { class: 'meta' }, [el('span', { class: 'reason', text: REASON_LABEL[item.reason] || item.reason }), ' · ' + when(item.at) + ' · ' + (item.lang === 'ms' ? 'BM' : 'EN')]));
      li.appendChild(el('blockquote', { class: 'message', text: item.message }));
      if (item.reason === 'down') {
        li.appendChild(el('p', { class: 'muted', text: 'Jawapan / Answer: ' + (item.answerId || '-') + (item.missing ? ' · Apa yang kurang / What was missing: ' + item.missing : '') }));
      }
      var top = el('ul', { class: 'top', 'aria-label': 'Tekaan bot / What the bot guessed' });
      (item.top || []).forEach(function (r) { top.appendChild(el('li', { text: r.intent + ' ' + pct(r.confidence) })); });
      li.appendChild(top);
      if (item.label) {
        li.appendChild(el('p', { class: 'labelled', text: item.label === OUT_OF_SCOPE ? 'Dilabel: memang di luar skop / Labelled: truly out of scope' : 'Dilabel / Labelled: ' + item.label }));
        li.appendChild(button('Buang label / Remove label', null));
        return;
      }
      var quick = el('div', { class: 'bar quick' });
      (item.top || []).forEach(function (r) {
        if (r.intent !== OUT_OF_SCOPE) quick.appendChild(button('Ini / This was: ' + r.intent, r.intent));
      });
      quick.appendChild(button('Memang di luar skop / Truly out of scope', OUT_OF_SCOPE));
      li.appendChild(quick);
      var selId = 'label-' + item.id.replace(/[^A-Za-z0-9]/g, '');
      var sel = el('select', { id: selId }, [el('option', { value: '', text: '— pilih / choose —' })].concat(labels.filter(function (l) { return l !== OUT_OF_SCOPE; }).map(function (l) { return el('option', { value: l, text: l }); })));
      var go = el('button', { type: 'button', text: 'Labelkan / Label' });
      go.onclick = function () {
        if (sel.value) label(sel.value);
        else { say('Pilih niat dahulu. / Choose an intent first.'); sel.focus(); }
      };
      li.appendChild(el('div', { class: 'bar' }, [el('div', {}, [el('label', { for: selId, text: 'Niat lain / Another intent' }), sel]), go]));
    }
    render();
    return li;
  }

  // ---- Statistik / Insights: hand-drawn SVG ----

  function svgEl(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, String(attrs[k]));
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }
  var W = 640, PAD_L = 44, PAD_R = 10, PAD_T = 10;
  function niceMax(v) {
    if (v <= 0) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (steps[i] * p >= v) return steps[i] * p;
    return 10 * p;
  }
  function dayLabel(d) { return d.slice(8, 10) + '/' + d.slice(5, 7); }
  function frame(id, label, height) {
    return svgEl('svg', { id: 'chart-' + id, class: 'chart', viewBox: '0 0 ' + W + ' ' + height, role: 'img', 'aria-label': label }, [svgEl('title', { text: label })]);
  }
  /** Gridlines and y labels at 0, half and max; x labels at most ~10 days. */
  function axes(svg, days, max, plotH, fmt) {
    [0, 0.5, 1].forEach(function (f) {
      var y = PAD_T + plotH - f * plotH;
      svg.appendChild(svgEl('line', { x1: PAD_L, x2: W - PAD_R, y1: y, y2: y, stroke: '#d0d0d0', 'stroke-width': 1 }));
      svg.appendChild(svgEl('text', { x: PAD_L - 4, y: y + 4, 'text-anchor': 'end', text: fmt(max * f) }));
    });
    var step = Math.max(1, Math.ceil(days.length / 10));
    var slot = (W - PAD_L - PAD_R) / days.length;
    days.forEach(function (d, i) {
      if (i % step === 0 || i === days.length - 1) svg.appendChild(svgEl('text', { x: PAD_L + slot * (i + 0.5), y: PAD_T + plotH + 16, 'text-anchor': 'middle', text: dayLabel(d) }));
    });
    return slot;
  }
  function fmtCount(n) { return String(Math.round(n * 10) / 10); }

  /** One bar per day, or stacked bars (one group per day, one rect per non-zero part). */
  function dayBars(id, label, days, parts) {
    var H = 200, plotH = H - PAD_T - 26;
    var totals = days.map(function (_, i) { return parts.reduce(function (sum, p) { return sum + p.values[i]; }, 0); });
    var max = niceMax(Math.max.apply(null, totals.concat([0])));
    var svg = frame(id, label, H);
    var slot = axes(svg, days, max, plotH, fmtCount);
    days.forEach(function (d, i) {
      var g = svgEl('g', { class: 'day' });
      var y = PAD_T + plotH;
      parts.forEach(function (p) {
        var v = p.values[i];
        if (!v) return;
        var h = (v / max) * plotH;
        y -= h;
        g.appendChild(svgEl('rect', { class: 'bar', x: PAD_L + slot * i + slot * 0.15, y: y, width: slot * 0.7, height: h, fill: p.color }, [svgEl('title', { text: d + ': ' + (p.name ? p.name + ' ' : '') + v })]));
      });
      svg.appendChild(g);
    });
    return svg;
  }

  /** Lines over the days; a missing value (null) breaks nothing, it is simply not drawn. */
  function dayLines(id, label, days, series, max, fmt) {
    var H = 200, plotH = H - PAD_T - 26;
    var svg = frame(id, label, H);
    var slot = axes(svg, days, max, plotH, fmt);
    series.forEach(function (line) {
      var pts = [];
      line.values.forEach(function (v, i) {
        if (v === null || v === undefined) return;
        pts.push([PAD_L + slot * (i + 0.5), PAD_T + plotH - (v / max) * plotH, v, days[i]]);
      });
      svg.appendChild(svgEl('polyline', { class: 'line', fill: 'none', stroke: line.color, 'stroke-width': 2, points: pts.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join(' ') }));
      pts.forEach(function (p) {
        svg.appendChild(svgEl('circle', { class: 'point', cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 3.5, fill: line.color }, [svgEl('title', { text: p[3] + ': ' + (line.name ? line.name + ' ' : '') + fmt(p[2]) })]));
      });
    });
    return svg;
  }

  /** One row per item, its parts side by side (stacked) along the x axis. */
  function rowBars(id, label, rows) {
    var rowH = 24, labelW = 190, H = Math.max(1, rows.length) * rowH + 8;
    var max = niceMax(Math.max.apply(null, rows.map(function (r) { return r.parts.reduce(function (a, p) { return a + p.value; }, 0); }).concat([0])));
    var svg = frame(id, label, H);
    var plotW = W - labelW - 40;
    rows.forEach(function (r, i) {
      var y = 4 + i * rowH;
      var g = svgEl('g', { class: 'row' }, [svgEl('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end', text: r.name })]);
      var x = labelW, total = 0;
      r.parts.forEach(function (p) {
        total += p.value;
        if (!p.value) return;
        var w = (p.value / max) * plotW;
        g.appendChild(svgEl('rect', { class: 'bar', x: x, y: y + 3, width: w, height: rowH - 8, fill: p.color }, [svgEl('title', { text: r.name + ': ' + (p.name ? p.name + ' ' : '') + p.value })]));
        x += w;
      });
      g.appendChild(svgEl('text', { x: x + 4, y: y + 15, text: String(total) }));
      svg.appendChild(g);
    });
    if (rows.length === 0) svg.appendChild(svgEl('text', { x: 8, y: 20, text: 'Tiada data / No data' }));
    return svg;
  }

  function legend(items) {
    return el('ul', { class: 'legend' }, items.map(function (it) {
      var sw = svgEl('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, [svgEl('rect', { width: 12, height: 12, fill: it.color })]);
      var li = el('li');
      li.appendChild(sw);
      li.appendChild(document.createTextNode(it.name));
      return li;
    }));
  }

  function chartBox(id, title, summary, svg, extra, days) {
    var csv = el('button', { type: 'button', class: 'secondary', id: 'csv-' + id, text: 'CSV' });
    csv.setAttribute('aria-label', 'CSV: ' + title);
    csv.onclick = function () { fetchAuthed('/api/insights/csv/' + id + '?days=' + days).then(function (res) { return saveAs(res, 'hanna-' + id + '.csv'); }).catch(fail); };
    var box = el('section', { 'aria-labelledby': 'title-' + id }, [el('h3', { id: 'title-' + id, text: title }), el('p', { class: 'summary', text: summary }), svg]);
    (extra || []).forEach(function (x) { box.appendChild(x); });
    box.appendChild(csv);
    return box;
  }

  function sum(a) { return a.reduce(function (x, y) { return x + y; }, 0); }

  function showInsights() {
    var days = parseInt(hashParams().get('days') || '14', 10);
    if ([7, 14, 30, 90].indexOf(days) < 0) days = 14;
    clear(view);
    view.appendChild(el('h2', { id: 'insights-title', tabindex: '-1', text: 'Statistik / Insights' }));
    var select = el('select', { id: 'insight-days' }, [7, 14, 30, 90].map(function (n) {
      var o = el('option', { value: String(n), text: n + ' hari / days' });
      if (n === days) o.selected = true;
      return o;
    }));
    select.onchange = function () { location.hash = 'insights?days=' + select.value; };
    view.appendChild(el('div', { class: 'bar' }, [el('div', {}, [el('label', { for: 'insight-days', text: 'Tempoh / Period' }), select])]));
    var status = el('p', { class: 'muted', role: 'status', text: 'Loading…' });
    view.appendChild(status);
    var grid = el('div', { class: 'charts' });
    view.appendChild(grid);
    api('GET', '/api/insights?days=' + days).then(function (r) {
      status.textContent = r.days[0] + ' – ' + r.days[r.days.length - 1] + ' (Asia/Kuala_Lumpur)';
      var convTotal = sum(r.conversations);
      grid.appendChild(chartBox('conversations', 'Perbualan sehari / Conversations per day', 'Jumlah / Total: ' + convTotal + ' · mesej / messages: ' + sum(r.messages),
        dayBars('conversations', 'Perbualan sehari / Conversations per day', r.days, [{ values: r.conversations, color: COLORS[0] }]), [], days));

      var trend = r.topIntents.slice(0, 3).map(function (t, i) { return { name: t.intent, values: t.perDay, color: COLORS[i + 1] }; });
      var trendMax = niceMax(Math.max.apply(null, [0].concat.apply([0], trend.map(function (t) { return t.values; }))));
      grid.appendChild(chartBox('intents', 'Niat utama / Top intents', r.topIntents.length ? 'Paling kerap / Most asked: ' + r.topIntents[0].intent : 'Tiada data / No data',
        rowBars('intents', 'Niat utama / Top intents', r.topIntents.map(function (t) { return { name: t.intent, parts: [{ value: t.total, color: COLORS[0] }] }; })),
        [el('h3', { text: 'Trend (3 teratas / top 3)' }), dayLines('intent-trend', 'Trend niat utama / Top intents trend', r.days, trend, trendMax, fmtCount), legend(trend)], days));

      var conv = sum(r.conversations), failed = sum(r.uncontained);
      grid.appendChild(chartBox('containment', 'Selesai tanpa pegawai / Containment', 'Perbualan tanpa tiket atau 👎 / Conversations without a ticket or 👎: ' + (conv ? pct((conv - failed) / conv) : '-'),
        dayLines('containment', 'Kadar selesai tanpa pegawai sehari / Containment per day', r.days, [{ values: r.containment, color: COLORS[2] }], 1, pct), [], days));

      grid.appendChild(chartBox('feedback', 'Maklum balas setiap jawapan / Feedback per answer (👍/👎)', 'Membantu / Helpful (👍): ' + sum(r.feedback.map(function (f) { return f.up; })) + ' · Tidak membantu / Not helpful (👎): ' + sum(r.feedback.map(function (f) { return f.down; })),
        rowBars('feedback', 'Maklum balas setiap jawapan / Feedback per answer', r.feedback.map(function (f) { return { name: f.answerId, parts: [{ name: 'up', value: f.up, color: COLORS[2] }, { name: 'down', value: f.down, color: COLORS[4] }] }; })),
        [legend([{ name: '👍 Membantu / Helpful', color: COLORS[2] }, { name: '👎 Tidak membantu / Not helpful', color: COLORS[4] }])], days));

      var msgs = sum(r.messages);
      grid.appendChild(chartBox('not-understood', 'Kadar tidak difahami / Not-understood rate', 'Keseluruhan / Overall: ' + (msgs ? pct(sum(r.notUnderstood) / msgs) : '-'),
        dayLines('not-understood', 'Kadar tidak difahami sehari / Not-understood rate per day', r.days, [{ values: r.notUnderstoodRate, color: COLORS[4] }], 1, pct), [], days));

      var statuses = ['open', 'in_progress', 'resolved', 'closed'];
      var parts = statuses.map(function (st) { return { name: STATUS_LABEL[st], values: r.tickets[st], color: STATUS_COLOR[st] }; });
      grid.appendChild(chartBox('tickets', 'Tiket sehari mengikut status / Tickets per day by status', 'Jumlah / Total: ' + sum(parts.map(function (p) { return sum(p.values); })),
        dayBars('tickets', 'Tiket sehari mengikut status / Tickets per day by status', r.days, parts), [legend(parts)], days));

      var LANG = { ms: 'Bahasa Melayu', en: 'English' };
      grid.appendChild(chartBox('languages', 'Bahasa / Languages', 'Mesej mengikut bahasa / Messages by language',
        rowBars('languages', 'Bahasa / Languages', r.languages.map(function (l, i) { return { name: LANG[l.lang] || l.lang, parts: [{ value: l.messages, color: COLORS[i % COLORS.length] }] }; })), [], days));
      say('');
    }).catch(function (e) { status.textContent = ''; fail(e); });
  }
`;
