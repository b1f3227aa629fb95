/* hanna-bot website widget: a chat bubble that opens the official Web Chat, talking to this
   bot's own Direct Line endpoint. Embed with one tag:
     <script src="https://BOT/widget.js" async></script>
   Options (attributes on that tag): data-lang="ms|en", data-open="true",
   data-transport="polling" (fetch new messages every second instead of a WebSocket stream,
   for proxies that do not pass WebSockets).
   Everything it loads comes from the bot's own server. */
(function () {
  'use strict';
  var CONFIG = /*CONFIG*/ {};
  var script = document.currentScript;
  if (!script || window.__hannaWidget) return;
  window.__hannaWidget = true;

  var origin = new URL(script.src, location.href).origin;
  var docLang = (script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'ms').toLowerCase();
  var lang = docLang.indexOf('en') === 0 ? 'en' : 'ms';
  var S = CONFIG.strings[lang];
  var T = CONFIG.theme;
  var KEY = 'hanna-webchat:' + origin;
  var DOMAIN = origin + '/v3/directline';
  var CONNECT_TIMEOUT_MS = 10000;

  var css =
    '.hanna-bubble{position:fixed;right:16px;bottom:16px;width:60px;height:60px;border-radius:50%;border:0;cursor:pointer;' +
    'background:' + T.accent + ';color:' + T.onAccent + ';box-shadow:0 4px 14px rgba(0,0,0,.3);z-index:2147483000;display:flex;align-items:center;justify-content:center}' +
    // Focus rings with at least 3:1 contrast against what surrounds them.
    '.hanna-bubble:focus-visible{outline:3px solid ' + T.accentText + ';outline-offset:3px}' +
    '.hanna-close:focus-visible{outline:3px solid ' + T.onAccent + ';outline-offset:-3px}' +
    '.hanna-panel{position:fixed;right:16px;bottom:88px;width:min(400px,calc(100vw - 32px));height:min(640px,calc(100vh - 112px));' +
    'background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);z-index:2147483000;display:flex;flex-direction:column;overflow:hidden;' +
    'font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}' +
    '.hanna-panel[hidden]{display:none}' +
    '.hanna-head{background:' + T.accent + ';color:' + T.onAccent + ';padding:10px 12px 10px 16px;display:flex;align-items:center;gap:8px}' +
    '.hanna-head h2{font-size:16px;margin:0;line-height:1.3}.hanna-head p{font-size:12.5px;margin:2px 0 0;line-height:1.3}' +
    '.hanna-titles{flex:1;min-width:0}' +
    '.hanna-close{background:transparent;border:0;color:inherit;font-size:24px;line-height:1;width:40px;height:40px;border-radius:6px;cursor:pointer}' +
    '.hanna-body{flex:1;min-height:0;position:relative}' +
    '.hanna-note{padding:16px;font-size:14px;color:#222}' +
    // Suggested actions in one row that scrolls sideways (touch, shift+wheel, its thin scroll bar,
    // or Tab), so they never fill half the panel; a very long title wraps inside its chip.
    '#hanna-webchat .webchat__suggested-actions__flow-box{flex-wrap:nowrap;overflow-x:auto;overflow-y:hidden;max-height:none;scrollbar-width:thin}' +
    '#hanna-webchat .webchat__suggested-actions__flow-item-box{flex:0 0 auto;max-width:85%}' +
    '#hanna-webchat .webchat__suggested-action{height:auto;min-height:40px;max-width:100%}' +
    '#hanna-webchat .webchat__suggested-action__text{white-space:normal;overflow:visible;text-overflow:clip;padding:6px 0}' +
    '.hanna-foot{font-size:11.5px;color:#4a4a4a;padding:4px 12px;border-top:1px solid #e5e5e5}' +
    '.hanna-alert{margin:0;padding:10px 16px;font-size:14px;background:#fff4e5;color:#5c2e00;border-bottom:1px solid #b35c00}' +
    '.hanna-alert[hidden]{display:none}' +
    // Phones: the open panel is the whole screen (inside the notch and home-bar insets) and the
    // bubble steps aside while it is open.
    '@media (max-width:480px){' +
    '.hanna-bubble{right:calc(12px + env(safe-area-inset-right,0px));bottom:calc(12px + env(safe-area-inset-bottom,0px))}' +
    '.hanna-bubble[aria-expanded="true"]{display:none}' +
    '.hanna-panel{top:0;left:0;right:0;bottom:0;width:100%;height:100%;border-radius:0;box-shadow:none;box-sizing:border-box;' +
    'padding:env(safe-area-inset-top,0px) env(safe-area-inset-right,0px) env(safe-area-inset-bottom,0px) env(safe-area-inset-left,0px)}' +
    '.hanna-head p{display:none}' +
    '}';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  var style = el('style', {});
  style.textContent = css;
  document.head.appendChild(style);

  var icon =
    '<svg aria-hidden="true" focusable="false" width="30" height="30" viewBox="0 0 24 24"><path fill="currentColor" ' +
    'd="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"/></svg>';

  var bubble = el('button', { type: 'button', class: 'hanna-bubble', 'aria-label': S.open, 'aria-expanded': 'false', 'aria-controls': 'hanna-panel' });
  bubble.innerHTML = icon;
  var panel = el('section', { id: 'hanna-panel', class: 'hanna-panel', role: 'dialog', 'aria-labelledby': 'hanna-title', hidden: '' });
  panel.setAttribute('aria-label', S.dialog);
  var head = el('div', { class: 'hanna-head' });
  var titles = el('div', { class: 'hanna-titles' });
  titles.appendChild(el('h2', { id: 'hanna-title' }, CONFIG.title));
  titles.appendChild(el('p', {}, S.subtitle));
  var close = el('button', { type: 'button', class: 'hanna-close', 'aria-label': S.close }, '\u00d7');
  head.appendChild(titles);
  head.appendChild(close);
  // Shown when the chat cannot be used here (a site outside WIDGET_ORIGINS) or cannot connect.
  var alert = el('p', { class: 'hanna-alert', role: 'alert', hidden: '' });
  var body = el('div', { class: 'hanna-body', id: 'hanna-webchat' });
  var note = el('p', { class: 'hanna-note', role: 'status' }, S.loading);
  body.appendChild(note);
  panel.appendChild(head);
  panel.appendChild(alert);
  panel.appendChild(body);
  panel.appendChild(el('p', { class: 'hanna-foot' }, S.notOfficial));

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(bubble);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  function saved() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) || 'null') || {};
    } catch (e) {
      return {};
    }
  }
  function save(patch) {
    var s = saved();
    for (var k in patch) s[k] = patch[k];
    try {
      sessionStorage.setItem(KEY, JSON.stringify(s));
    } catch (e) {
      /* private mode: the conversation simply does not survive a reload */
    }
  }

  function post(path, token) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    return fetch(DOMAIN + path, { method: 'POST', headers: headers }).then(function (r) {
      if (r.ok) return r.json();
      return r.json().catch(function () { return {}; }).then(function (j) {
        var refused = r.status === 403 && j && j.error && j.error.code === 'OriginNotAllowed';
        throw new Error(refused ? 'refused' : path + ': ' + r.status);
      });
    });
  }

  /** The saved conversation with a fresh token, else a new one. */
  function session() {
    var s = saved();
    var resume = s.token && s.conversationId
      ? post('/tokens/refresh', s.token).then(function (j) {
          return { token: j.token, conversationId: j.conversationId, resume: true };
        })
      : Promise.reject(new Error('no saved conversation'));
    return resume.catch(function () {
      return post('/tokens/generate').then(function (j) {
        return { token: j.token, conversationId: j.conversationId, resume: false };
      });
    });
  }

  function loadBundle() {
    if (window.WebChat) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var tag = el('script', { src: origin + '/webchat/webchat.js' });
      tag.onload = resolve;
      tag.onerror = function () {
        reject(new Error('missing bundle'));
      };
      document.head.appendChild(tag);
    });
  }

  var connected = false;
  function unavailable() {
    if (connected) return;
    alert.textContent = S.unavailable;
    alert.hidden = false;
    if (note.parentNode) note.hidden = true;
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    if (!CONFIG.bundle) {
      note.textContent = S.missing;
      return;
    }
    // No connection within ~10 s (a proxy, a firewall, a server down): say so instead of spinning.
    var timer = setTimeout(unavailable, CONNECT_TIMEOUT_MS);
    Promise.all([loadBundle(), session()])
      .then(function (r) {
        var s = r[1];
        save({ token: s.token, conversationId: s.conversationId });
        var webSocket = script.getAttribute('data-transport') !== 'polling' && typeof WebSocket === 'function';
        var options = { token: s.token, domain: DOMAIN, webSocket: webSocket, pollingInterval: 1000 };
        // Resuming: Web Chat reconnects to the conversation and re-reads it from the start.
        if (s.resume) options.conversationId = s.conversationId;
        var directLine = window.WebChat.createDirectLine(options);
        // DirectLineJS ConnectionStatus: 2 = Online, 4 = FailedToConnect.
        directLine.connectionStatus$.subscribe(function (status) {
          if (status === 2) {
            connected = true;
            clearTimeout(timer);
            alert.hidden = true;
          } else if (status === 4) {
            connected = false;
            unavailable();
          }
        });
        // Web Chat refreshes its token every 15 minutes; keep the newest for a reload.
        var keep = function () {
          if (directLine.token) save({ token: directLine.token });
        };
        setInterval(keep, 60000);
        window.addEventListener('pagehide', keep);
        body.removeChild(note);
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            locale: lang === 'ms' ? 'ms-MY' : 'en-US',
            overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: S.placeholder },
            styleOptions: {
              accent: T.accentText,
              bubbleBorderRadius: 10,
              bubbleFromUserBorderRadius: 10,
              bubbleFromUserBackground: T.accent,
              bubbleFromUserTextColor: T.onAccent,
              suggestedActionLayout: 'flow',
              suggestedActionTextColor: T.accentText,
              suggestedActionBorderColor: T.accentText,
              suggestedActionBorderRadius: 16,
              // The paper clip takes one contribution .txt file, sent as soon as it is chosen (upload route, 1 MB).
              hideUploadButton: false,
              uploadAccept: '.txt,text/plain',
              uploadMultiple: false,
              sendAttachmentOn: 'attach',
              primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
            },
          },
          body,
        );
      })
      .catch(function (err) {
        clearTimeout(timer);
        var message = String(err && err.message);
        if (/bundle/.test(message)) note.textContent = S.missing;
        else unavailable();
      });
  }

  function focusSendBox() {
    var tries = 0;
    (function attempt() {
      var box = panel.querySelector('[data-id="webchat-sendbox-input"]');
      if (box) box.focus();
      else if (tries++ < 50) setTimeout(attempt, 100);
    })();
  }

  function setOpen(open, byUser) {
    panel.hidden = !open;
    bubble.setAttribute('aria-expanded', String(open));
    bubble.setAttribute('aria-label', open ? S.close : S.open);
    save({ open: open });
    if (open) {
      start();
      if (byUser) focusSendBox();
    } else if (byUser) {
      bubble.focus();
    }
  }

  bubble.addEventListener('click', function () {
    setOpen(panel.hidden, true);
  });
  close.addEventListener('click', function () {
    setOpen(false, true);
  });
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !e.defaultPrevented) setOpen(false, true);
  });

  if (script.getAttribute('data-open') === 'true' || saved().open) setOpen(true, false);
})();
