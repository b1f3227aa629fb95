// The staff page at /staff: one self-contained HTML file (no outside hosts) on top of the
// ticket API and the console's (console-page.ts). Plain controls (links, buttons, labelled fields) so it works from the keyboard
// and a screen reader; every value from a ticket is inserted as text, never as HTML.

import { CONSOLE_STYLE, CONSOLE_VIEWS } from './console-page';
import { MAX_REPLY } from './reply-limits';

const STYLE = `
:root { --fg:#1b1b1b; --muted:#555; --line:#c8c8c8; --accent:#005a70; --bg:#fff; --soft:#f3f6f7; --bad:#a4000f; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header { background:var(--accent); color:#fff; padding:.75rem 1.25rem; display:flex; gap:1rem; align-items:center; flex-wrap:wrap; }
header h1 { font-size:1.15rem; margin:0; flex:1; }
header button { background:transparent; color:#fff; border:1px solid #fff; }
main { padding:1rem 1.25rem; max-width:80rem; }
a { color:var(--accent); }
:focus-visible { outline:3px solid #f5a300; outline-offset:2px; }
button, select, input, textarea { font:inherit; }
button { border:1px solid var(--accent); background:var(--accent); color:#fff; border-radius:4px; padding:.35rem .8rem; cursor:pointer; }
button.secondary { background:#fff; color:var(--accent); }
input, select, textarea { border:1px solid var(--line); border-radius:4px; padding:.35rem .5rem; }
label { font-weight:600; display:block; margin:.5rem 0 .2rem; }
.bar { display:flex; gap:.75rem; align-items:end; flex-wrap:wrap; margin-bottom:1rem; }
.bar label { margin:0 0 .2rem; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.4rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:var(--soft); font-size:.9rem; }
.status { font-weight:600; }
.muted { color:var(--muted); }
dl { display:grid; grid-template-columns:max-content 1fr; gap:.3rem 1rem; }
dt { font-weight:600; }
dd { margin:0; white-space:pre-wrap; word-break:break-word; }
ol.transcript { padding-left:1.25rem; }
ol.transcript li { margin:.3rem 0; white-space:pre-wrap; }
.trail { color:var(--muted); font-size:.9rem; }
.sent { border:1px solid var(--line); background:var(--soft); padding:.5rem .75rem; border-radius:4px; white-space:pre-wrap; }
.who { font-weight:600; }
.alert { border:1px solid var(--bad); color:var(--bad); background:#fff4f4; padding:.5rem .75rem; border-radius:4px; margin-bottom:1rem; }
.alert:empty { display:none; }
section { margin:1.25rem 0; }
h2 { font-size:1.1rem; margin:1rem 0 .5rem; }
textarea { width:100%; max-width:40rem; min-height:5rem; }
.sr { position:absolute; left:-10000px; width:1px; height:1px; overflow:hidden; }
input:not([type]), input[type=text], input[type=password], select { max-width:100%; }
/* Phones: the ticket table becomes one card per ticket, each value under its column's name. */
@media (max-width:480px) {
  main { padding:.75rem; }
  table.tickets, table.tickets tbody, table.tickets tr, table.tickets td { display:block; width:100%; }
  table.tickets thead { position:absolute; left:-10000px; width:1px; height:1px; overflow:hidden; }
  table.tickets tr { border:1px solid var(--line); border-radius:6px; margin:0 0 .75rem; padding:.4rem .6rem; }
  table.tickets td { border:0; padding:.15rem 0; display:grid; grid-template-columns:8.5rem 1fr; gap:.5rem; word-break:break-word; }
  table.tickets td::before { content:attr(data-label); font-weight:600; color:var(--muted); font-size:.9rem; }
  dl { grid-template-columns:1fr; }
  dd { margin-bottom:.4rem; }
}
`;

const SCRIPT = `
(function () {
  'use strict';
  var TOKEN_KEY = 'hanna-triage-token';
  var AUTHOR_KEY = 'hanna-triage-author';
  var STATUSES = ['open', 'in_progress', 'resolved', 'closed'];
  var STATUS_LABEL = { open: 'Open', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed' };
  var FIELDS = [['employerCode', 'Employer number'], ['companyName', 'Company name'], ['repName', 'Representative'], ['mykad', 'MyKad'], ['problem', 'Problem']];
  var view = document.getElementById('view');
  var alertBox = document.getElementById('alert');
  var logout = document.getElementById('logout');
  var tabs = document.getElementById('tabs');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'onclick' || k === 'onsubmit' || k === 'onchange') node[k] = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function say(msg) { alertBox.textContent = msg || ''; }
  function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }
  function when(iso) {
    if (!iso) return '-';
    try { return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kuala_Lumpur', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)); }
    catch (e) { return iso; }
  }
  function delivery(d) {
    if (!d) return '-';
    var e = d.email || {};
    if (e.state === 'sent') return 'e-mail sent ' + when(e.sentAt);
    if (e.state === 'retrying') return 'e-mail retrying (' + e.attempts + ' tries; ' + (e.lastError || '') + ')';
    return 'e-mail pending';
  }

  function certainty(c) { return typeof c === 'number' ? ' (' + Math.round(c * 100) + '%)' : ''; }
  /** Names one reply: a double click or a retried send carries the same id, and the server sends it once. */
  function newReplyId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  /** The officer's one e-mail reply: what was sent, or the form, or why there can be none. */
  function replySection(t) {
    var section = el('section', { 'aria-labelledby': 'reply-title' }, [el('h2', { id: 'reply-title', text: 'Balas kepada majikan / Reply to the employer' })]);
    var contact = t.contact || {};
    if (t.reply) {
      var d = t.reply.delivery || {};
      var state = d.state === 'sent' ? 'dihantar / sent ' + when(d.sentAt) : d.state === 'retrying' ? 'mencuba semula / retrying (' + (d.lastError || '') + ')' : 'dalam baris gilir / queued';
      section.appendChild(el('p', { id: 'reply-status', role: 'status', text: 'Balasan oleh / Reply by ' + t.reply.author + ', ' + when(t.reply.at) + ', kepada / to ' + t.reply.to + ': ' + state }));
      section.appendChild(el('div', { class: 'sent', id: 'reply-sent', text: t.reply.text }));
      section.appendChild(el('p', { class: 'muted', text: 'Satu balasan sahaja bagi setiap tiket. / One reply per ticket.' }));
      return section;
    }
    if (!contact.email) {
      section.appendChild(el('p', { id: 'reply-none', text: contact.phone
        ? 'Tiada e-mel diberi: sila telefon majikan di ' + contact.phone + '. / No e-mail given: please call the employer on ' + contact.phone + '.'
        : 'Majikan tidak memberi butiran hubungan: balasan e-mel tidak dapat dihantar. / The employer gave no contact details: no e-mail reply can be sent.' }));
      return section;
    }
    var id = newReplyId();
    var MAX = ${MAX_REPLY};
    var text = el('textarea', { id: 'reply-text', maxlength: String(MAX), 'aria-describedby': 'reply-count' });
    var count = el('p', { id: 'reply-count', class: 'muted', 'aria-live': 'polite', text: '0 / ' + MAX });
    text.oninput = function () { count.textContent = text.value.length + ' / ' + MAX; };
    var author = el('input', { id: 'reply-author', type: 'text', maxlength: '80', required: 'required', value: localStorage.getItem(AUTHOR_KEY) || '' });
    var send = el('button', { type: 'submit', id: 'reply-send', text: 'Hantar balasan / Send reply' });
    var form = el('form', { 'aria-labelledby': 'reply-title' }, [
      el('p', { text: 'Kepada / To: ' + contact.email + (contact.phone ? ' (telefon / phone ' + contact.phone + ')' : '') }),
      el('label', { for: 'reply-author', text: 'Nama anda / Your name' }), author,
      el('label', { for: 'reply-text', text: 'Balasan (satu sahaja; jangan masukkan MyKad) / Reply (only one; no MyKad)' }), text, count,
      el('p', {}, [send])
    ]);
    form.onsubmit = function (ev) {
      ev.preventDefault();
      if (send.disabled) return;
      send.disabled = true;
      localStorage.setItem(AUTHOR_KEY, author.value.trim());
      api('POST', '/api/tickets/' + encodeURIComponent(t.reference) + '/reply', { id: id, text: text.value, author: author.value.trim() }).then(function () {
        say('');
        showTicket(t.reference);
      }).catch(function (e) {
        // The same id is kept: sending again after a failure cannot send twice.
        send.disabled = false;
        if (e.message !== '401') say(e.message);
      });
    };
    section.appendChild(form);
    return section;
  }

  function api(method, path, body) {
    var init = { method: method, headers: { Authorization: 'Bearer ' + token() } };
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) {
        if (res.status === 401) { sessionStorage.removeItem(TOKEN_KEY); showLogin('That token was not accepted.'); throw new Error('401'); }
        if (!res.ok) throw new Error(json.error || ('HTTP ' + res.status));
        return json;
      });
    });
  }

  function showLogin(msg) {
    logout.hidden = true;
    tabs.hidden = true;
    clear(view);
    say(msg || '');
    var input = el('input', { id: 'token', type: 'password', autocomplete: 'current-password', required: 'required' });
    var form = el('form', { 'aria-labelledby': 'login-title' }, [
      el('h2', { id: 'login-title', text: 'Sign in' }),
      el('label', { for: 'token', text: 'Support-staff token' }),
      input, ' ',
      el('button', { type: 'submit', text: 'Sign in' })
    ]);
    form.onsubmit = function (ev) {
      ev.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      route();
    };
    view.appendChild(form);
    input.focus();
  }

  var PAGE_SIZE = 20;
  function showList() {
    var params = new URLSearchParams(location.hash.replace(/^#\\??/, ''));
    var status = params.get('status') || 'all';
    var query = params.get('q') || '';
    var pageNo = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
    function go(changes) {
      var next = { status: status, q: query, page: pageNo };
      Object.keys(changes).forEach(function (k) { next[k] = changes[k]; });
      var p = new URLSearchParams();
      p.set('status', next.status);
      if (next.q) p.set('q', next.q);
      if (next.page > 1) p.set('page', String(next.page));
      location.hash = '?' + p.toString();
    }
    clear(view);
    var select = el('select', { id: 'status' }, [el('option', { value: 'all', text: 'All' })].concat(STATUSES.map(function (s) {
      var o = el('option', { value: s, text: STATUS_LABEL[s] });
      if (s === status) o.selected = true;
      return o;
    })));
    if (status === 'all') select.value = 'all';
    select.onchange = function () { go({ status: select.value, page: 1 }); };
    var search = el('input', { id: 'q', type: 'search', maxlength: '40', value: query, autocomplete: 'off' });
    var searchForm = el('form', { role: 'search', 'aria-label': 'Cari tiket / Search tickets' }, [
      el('label', { for: 'q', text: 'Cari rujukan atau no. majikan / Search reference or employer number' }), search, ' ',
      el('button', { type: 'submit', class: 'secondary', text: 'Cari / Search' })
    ]);
    searchForm.onsubmit = function (ev) { ev.preventDefault(); go({ q: search.value.trim(), page: 1 }); };
    var refresh = el('button', { type: 'button', class: 'secondary', text: 'Refresh' });
    refresh.onclick = function () { showList(); };
    var heading = el('h2', { id: 'list-title', tabindex: '-1', text: 'Tickets' });
    view.appendChild(heading);
    view.appendChild(el('div', { class: 'bar' }, [el('div', {}, [el('label', { for: 'status', text: 'Status' }), select]), searchForm, refresh]));
    var table = el('table', { 'aria-labelledby': 'list-title', class: 'tickets' });
    var COLUMNS = ['Reference', 'Status', 'Filed', 'Company', 'Employer number', 'MyKad', 'Assignee', 'Delivery'];
    var head = el('tr', {}, COLUMNS.map(function (h) { return el('th', { scope: 'col', text: h }); }));
    table.appendChild(el('thead', {}, [head]));
    var body = el('tbody');
    table.appendChild(body);
    var count = el('p', { class: 'muted', role: 'status', id: 'ticket-count', text: 'Loading…' });
    view.appendChild(count);
    view.appendChild(table);
    var prev = el('button', { type: 'button', class: 'secondary', id: 'prev-page', text: '← Sebelum / Previous' });
    var next = el('button', { type: 'button', class: 'secondary', id: 'next-page', text: 'Seterusnya / Next →' });
    prev.onclick = function () { go({ page: pageNo - 1 }); };
    next.onclick = function () { go({ page: pageNo + 1 }); };
    view.appendChild(el('nav', { class: 'bar pager', 'aria-label': 'Halaman / Pages' }, [prev, next]));
    var q = '?limit=' + PAGE_SIZE + '&offset=' + (pageNo - 1) * PAGE_SIZE;
    if (status !== 'all') q += '&status=' + encodeURIComponent(status);
    if (query) q += '&q=' + encodeURIComponent(query);
    api('GET', '/api/tickets' + q).then(function (data) {
      var first = data.total === 0 ? 0 : data.offset + 1;
      var last = data.offset + data.tickets.length;
      count.textContent = first + '–' + last + ' of ' + data.total + ' ticket(s)' + (status === 'all' ? '' : ' with status ' + STATUS_LABEL[status]) + (query ? ' matching "' + query + '"' : '');
      prev.disabled = pageNo <= 1;
      next.disabled = last >= data.total;
      data.tickets.forEach(function (t) {
        var c = t.checklist || {};
        var cells = [
          el('td', {}, [el('a', { href: '#' + t.reference, text: t.reference })]),
          el('td', { class: 'status', text: STATUS_LABEL[t.status] || t.status }),
          el('td', { text: when(t.createdAt) }),
          el('td', { text: c.companyName || '-' }),
          el('td', { text: c.employerCode || '-' }),
          el('td', { text: c.mykad || '-' }),
          el('td', { text: t.assignee || '-' }),
          el('td', { text: delivery(t.delivery) })
        ];
        // The column name, shown beside the value when the row is a card (phones).
        cells.forEach(function (td, i) { td.setAttribute('data-label', COLUMNS[i]); });
        body.appendChild(el('tr', {}, cells));
      });
      say('');
    }).catch(function (e) { if (e.message !== '401') say(e.message); });
  }

  function showTicket(ref) {
    clear(view);
    view.appendChild(el('p', {}, [el('a', { href: '#?status=all', text: '← All tickets' })]));
    var status = el('p', { role: 'status', class: 'muted', text: 'Loading ' + ref + '…' });
    view.appendChild(status);
    api('GET', '/api/tickets/' + encodeURIComponent(ref)).then(function (t) {
      status.textContent = '';
      var title = el('h2', { id: 'ticket-title', tabindex: '-1', text: t.reference + ' · ' + (STATUS_LABEL[t.status] || t.status) });
      view.appendChild(title);
      var c = t.checklist || {};
      var dl = el('dl');
      FIELDS.forEach(function (f) {
        dl.appendChild(el('dt', { text: f[1] }));
        var v = c[f[0]];
        dl.appendChild(el('dd', { text: v ? v : 'not given (skipped)' }));
      });
      [['Filed', when(t.createdAt)], ['Updated', when(t.updatedAt)], ['Language', t.lang === 'ms' ? 'Malay' : 'English'], ['Channel', t.channel],
       ['Topics asked', (t.topics || []).join(', ') || '-'], ['Assignee', t.assignee || '-'], ['Delivery', delivery(t.delivery)]].forEach(function (p) {
        dl.appendChild(el('dt', { text: p[0] }));
        dl.appendChild(el('dd', { text: p[1] }));
      });
      view.appendChild(el('section', { 'aria-labelledby': 'checklist-title' }, [el('h2', { id: 'checklist-title', text: 'Checklist' }), dl]));

      var contact = t.contact || {};
      var cdl = el('dl', { id: 'contact' }, [
        el('dt', { text: 'E-mel / E-mail' }), el('dd', { text: contact.email || 'tidak diberi / not given' }),
        el('dt', { text: 'Telefon / Phone' }), el('dd', { text: contact.phone || 'tidak diberi / not given' })
      ]);
      view.appendChild(el('section', { 'aria-labelledby': 'contact-title' }, [el('h2', { id: 'contact-title', text: 'Hubungan / Contact' }), cdl]));

      var trail = el('ol', { id: 'intent-trail' });
      (t.transcript || []).filter(function (turn) { return turn.from === 'user'; }).forEach(function (turn) {
        trail.appendChild(el('li', {}, [el('span', { class: 'who', text: (turn.intent ? turn.intent + certainty(turn.confidence) : '(tiada / none)') + ' ← ' }), turn.text]));
      });
      if (trail.childNodes.length === 0) trail.appendChild(el('li', { class: 'muted', text: '-' }));
      view.appendChild(el('section', { 'aria-labelledby': 'trail-title' }, [el('h2', { id: 'trail-title', text: 'Jejak niat / Intent trail (what the bot understood at each message)' }), trail]));

      var transcript = el('ol', { class: 'transcript' });
      (t.transcript || []).forEach(function (turn) {
        var line = [el('span', { class: 'who', text: (turn.from === 'user' ? 'User' : 'Bot') + ' (' + when(turn.at) + '): ' }), turn.text];
        if (turn.intent) line.push(el('span', { class: 'trail', text: ' · ' + turn.intent + certainty(turn.confidence) }));
        transcript.appendChild(el('li', {}, line));
      });
      view.appendChild(el('section', { 'aria-labelledby': 'transcript-title' }, [el('h2', { id: 'transcript-title', text: 'Conversation (personal data redacted)' }), transcript]));

      var notes = el('ul');
      (t.notes || []).forEach(function (n) { notes.appendChild(el('li', { text: when(n.at) + ', ' + n.author + ': ' + n.text })); });
      if (!t.notes || t.notes.length === 0) notes.appendChild(el('li', { class: 'muted', text: 'No notes yet.' }));
      view.appendChild(el('section', { 'aria-labelledby': 'notes-title' }, [el('h2', { id: 'notes-title', text: 'Notes' }), notes]));

      var sel = el('select', { id: 'edit-status' }, STATUSES.map(function (s) {
        var o = el('option', { value: s, text: STATUS_LABEL[s] });
        if (s === t.status) o.selected = true;
        return o;
      }));
      var assignee = el('input', { id: 'edit-assignee', type: 'text', maxlength: '80', value: t.assignee || '' });
      var author = el('input', { id: 'edit-author', type: 'text', maxlength: '80', value: localStorage.getItem(AUTHOR_KEY) || '' });
      var note = el('textarea', { id: 'edit-note', maxlength: '4000' });
      var form = el('form', { 'aria-labelledby': 'edit-title' }, [
        el('h2', { id: 'edit-title', text: 'Update' }),
        el('label', { for: 'edit-status', text: 'Status' }), sel,
        el('label', { for: 'edit-assignee', text: 'Assignee (empty = nobody)' }), assignee,
        el('label', { for: 'edit-author', text: 'Your name (for notes)' }), author,
        el('label', { for: 'edit-note', text: 'Add a note' }), note,
        el('p', {}, [el('button', { type: 'submit', text: 'Save' })])
      ]);
      form.onsubmit = function (ev) {
        ev.preventDefault();
        var body = { status: sel.value, assignee: assignee.value.trim() || null };
        if (note.value.trim()) { body.note = note.value.trim(); body.author = author.value.trim() || 'staff'; }
        localStorage.setItem(AUTHOR_KEY, author.value.trim());
        api('PATCH', '/api/tickets/' + encodeURIComponent(t.reference), body).then(function () {
          showTicket(t.reference);
          say('');
        }).catch(function (e) { if (e.message !== '401') say(e.message); });
      };
      view.appendChild(form);
      view.appendChild(replySection(t));
      title.focus();
    }).catch(function (e) { status.textContent = ''; if (e.message !== '401') say(e.message); });
  }

${CONSOLE_VIEWS}
  function route() {
    if (!token()) { showLogin(); return; }
    logout.hidden = false;
    tabs.hidden = false;
    var hash = decodeURIComponent(location.hash.slice(1));
    var tab = /^review\\b/.test(hash) ? 'review' : /^insights\\b/.test(hash) ? 'insights' : 'tickets';
    Array.prototype.forEach.call(tabs.querySelectorAll('a'), function (a) {
      if (a.getAttribute('data-tab') === tab) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    if (tab === 'review') showReview();
    else if (tab === 'insights') showInsights();
    else if (/^HN-\\d{4}-\\d{6,}$/i.test(hash)) showTicket(hash.toUpperCase());
    else showList();
  }
  logout.onclick = function () { sessionStorage.removeItem(TOKEN_KEY); showLogin('Signed out.'); };
  window.addEventListener('hashchange', route);
  route();
})();
`;

export function staffPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Hanna – support tickets</title>
<style nonce="${nonce}">${STYLE}${CONSOLE_STYLE}</style>
</head>
<body>
<header><h1>Hanna – support tickets</h1><button type="button" id="logout" hidden>Sign out</button></header>
<nav id="tabs" class="tabs" aria-label="Konsol / Console" hidden><a href="#?status=all" data-tab="tickets">Tiket / Tickets</a><a href="#review" data-tab="review">Belum difahami / Not understood</a><a href="#insights" data-tab="insights">Statistik / Insights</a></nav>
<main>
<div id="alert" class="alert" role="alert"></div>
<div id="view"></div>
<noscript>This page needs JavaScript. The same data is available from GET /api/tickets with the support-staff token.</noscript>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
