/*
 * Kefu chat widget loader. Embed with one line:
 *   <script src="https://YOUR-KEFU/widget.js" data-org="your-org" async></script>
 * It adds a launcher button and opens the chat in an iframe served by Kefu, so the host page's CSS and scripts
 * cannot reach the chat (nor the chat the page). The launcher lives in a shadow root for the same reason.
 * The iframe is made only when it is needed: when the visitor opens the chat (or the page calls Kefu.open()), or at
 * once for a visitor with a chat going or a message left, so its unread badge still counts. Anyone else costs the
 * page this file (cached five minutes) and one small request for the widget's settings.
 * A site that signs its customer in passes who it is (docs/integrations.md, "Verified identity"), either as
 * data-user-id + data-user-hash or data-user-jwt (with data-user-name, -email, -phone, -member-level,
 * -account-number), or by calling Kefu.identify({ userId, userHash } or { jwt }, ...) before the chat is opened.
 * The identity travels in the iframe URL's fragment, which is never sent to a server nor in a Referer.
 * The pages of this visit (address, title, time; the referrer of its first page) are kept in the page's sessionStorage
 * and handed to the chat frame when there is one, which reports them while a chat is going: no request of their own.
 * The settings request also reports the page view (a random visit id, the page's address and title cut short, the
 * visit's referrer, the browser's language), so supervisors see who is on the site at no extra request.
 * Proactive invitations come with the settings: the rules are evaluated here, and one that fires shows its greeting
 * in a bubble by the launcher (no frame until the visitor clicks it), once per visit and rule.
 * An organization may list the sites allowed to embed its widget: on any other the settings are refused and no
 * launcher is shown, and browsers refuse to show the chat frame there (its frame-ancestors policy).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__kefuWidget) return;
  window.__kefuWidget = true;
  var org = script.getAttribute('data-org') || 'demo';
  var base = new URL(script.src, location.href).origin;
  var lang = script.getAttribute('data-lang') || navigator.language || 'en';
  var zh = /^zh/i.test(lang);
  var identity = {};
  [['userId', 'user-id'], ['userHash', 'user-hash'], ['jwt', 'user-jwt'], ['name', 'user-name'],
    ['email', 'user-email'], ['phone', 'user-phone'], ['memberLevel', 'user-member-level'],
    ['accountNumber', 'user-account-number']].forEach(function (pair) {
    var value = script.getAttribute('data-' + pair[1]);
    if (value) identity[pair[0]] = value;
  });
  var frame = null;
  var widget = null;
  var openWanted = false;
  // Set by the chat (kefu:active) while this visitor has a chat going or a message left, in the host page's storage.
  var activeKey = 'kefu.active.' + org;
  var visitKey = 'kefu.visit.' + org;
  // Set on a visitor's first visit: a later visit (a new session) is a returning visitor's.
  var seenKey = 'kefu.seen.' + org;
  var viewStart = Date.now();
  var visit = viewed();
  var invitation = null;

  /** This page added to the visit's list: the last 20, addresses cut to 2 KB and titles to 200 characters. */
  function viewed() {
    var v = null;
    try { v = JSON.parse(sessionStorage.getItem(visitKey) || 'null'); }
    catch (e) { /* none yet, or unreadable: a new visit */ }
    if (!v || !v.pages) v = { referrer: address(document.referrer), pages: [], invited: [], returning: returning() };
    if (!v.id) v.id = visitId();
    var page = { url: address(location.href), title: document.title.slice(0, 200).replace(/[\ud800-\udbff]$/, ''),
      at: new Date().toISOString() };
    var last = v.pages[v.pages.length - 1];
    if (last && last.url === page.url) v.pages[v.pages.length - 1] = page;
    else v.pages.push(page);
    v.pages = v.pages.slice(-20);
    save(v);
    return v;
  }

  /** A random id for this visit, so supervisors see one visitor however many pages they view. */
  function visitId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return (Date.now().toString(36) + Math.random().toString(36).slice(2)).slice(0, 32);
  }

  /** A query parameter's value, cut so that it takes at most max characters once encoded (and no half pair). */
  function param(value, max) {
    // Control characters would have the request refused, and the widget with it.
    var s = (value || '').replace(/[\u0000-\u001f\u007f]/g, ' ');
    for (;;) {
      s = s.replace(/[\ud800-\udbff]$/, '');
      var encoded = encodeURIComponent(s);
      if (encoded.length <= max) return encoded;
      s = s.slice(0, Math.max(0, Math.floor(s.length * max / encoded.length) - 1));
    }
  }

  /** The settings' address, which reports this page view too (supervisors' visitors online): at most about 1.3 KB. */
  function settingsUrl() {
    var page = visit.pages[visit.pages.length - 1];
    return base + '/api/v1/widget/' + encodeURIComponent(org) + '?v=' + param(visit.id, 40) +
      '&u=' + param(page.url, 600) + '&t=' + param(page.title, 300) + '&r=' + param(visit.referrer, 300) +
      '&l=' + param(navigator.language, 35);
  }

  function save(v) {
    try { sessionStorage.setItem(visitKey, JSON.stringify(v)); }
    catch (e) { /* storage refused: this page alone is the visit */ }
  }

  function returning() {
    try {
      var seen = localStorage.getItem(seenKey) === '1';
      localStorage.setItem(seenKey, '1');
      return seen;
    }
    catch (e) { return false; }
  }

  /** An invitation's address pattern: * is anything, every other character itself. */
  function matches(pattern, url) {
    var quoted = pattern.split('*').map(function (part) { return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    return new RegExp('^' + quoted.join('.*') + '$').test(url);
  }

  /** A long address loses its query first; what remains never ends in half an escape. */
  function address(url) {
    if (!url || url.length <= 2048) return url || '';
    var short = url.split(/[?#]/)[0];
    return short.slice(0, 2048).replace(/%[0-9a-fA-F]?$/, '');
  }

  function remembered() {
    try { return localStorage.getItem(activeKey) === '1'; }
    catch (e) { return false; }
  }

  function remember(active) {
    try {
      if (active) localStorage.setItem(activeKey, '1');
      else localStorage.removeItem(activeKey);
    }
    catch (e) { /* storage refused: the frame is then made when the chat is opened */ }
  }

  function chatUrl() {
    // The page's origin, which the chat presents when it starts (checked against the organization's allowed sites).
    var url = base + '/chat/?org=' + encodeURIComponent(org) + '&lang=' + encodeURIComponent(lang) +
      '&site=' + encodeURIComponent(location.origin);
    return Object.keys(identity).length ? url + '#identity=' + encodeURIComponent(JSON.stringify(identity)) : url;
  }

  window.Kefu = window.Kefu || {};
  // The chat starts over as the given customer (a new fragment: the chat page notices and begins a new session).
  window.Kefu.identify = function (given) {
    identity = given || {};
    if (frame) frame.src = chatUrl();
  };
  // Opens the chat, as a click on the launcher does.
  window.Kefu.open = function () {
    if (widget) widget.setOpen(true);
    else openWanted = true;
  };

  function start(settings) {
    var color = /^#[0-9a-fA-F]{6}$/.test(settings.primaryColor || '') ? settings.primaryColor : '#1677ff';
    // A custom element, not a div: the page's own element rules (div, button...) do not match it, and its one
    // inline rule outranks the page's !important ones.
    var host = document.createElement('kefu-widget');
    host.id = 'kefu-widget';
    host.style.setProperty('all', 'initial', 'important');
    var root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<style>' +
      ':host{all:initial}' +
      '.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;' +
      'background:' + color + ';color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000;display:flex;' +
      'align-items:center;justify-content:center}' +
      '.launcher:focus-visible{outline:3px solid #000;outline-offset:2px}' +
      '.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;' +
      'border-radius:10px;background:#e53935;color:#fff;font:600 12px/20px system-ui,sans-serif;text-align:center}' +
      '.panel{position:fixed;right:20px;bottom:88px;width:380px;height:600px;max-height:calc(100vh - 108px);' +
      'border-radius:12px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3);z-index:2147483000;background:#fff}' +
      '.panel iframe{border:0;width:100%;height:100%}' +
      '.invite{position:fixed;right:20px;bottom:88px;max-width:300px;display:flex;align-items:flex-start;gap:4px;' +
      'background:#fff;color:#222;border-radius:12px;box-shadow:0 4px 18px rgba(0,0,0,.25);z-index:2147483000;' +
      'font:14px/1.45 system-ui,sans-serif}' +
      '.invite-text{all:unset;cursor:pointer;padding:12px 0 12px 14px;white-space:pre-wrap;overflow-wrap:anywhere}' +
      '.invite-close{all:unset;cursor:pointer;padding:6px 10px;color:#666;font-size:18px;line-height:1}' +
      '.invite button:focus-visible{outline:2px solid ' + color + '}' +
      '[hidden]{display:none!important}' +
      '@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:100vh;max-height:none;border-radius:0}' +
      '.panel:not([hidden])~.launcher{display:none}}' +
      '</style>' +
      '<div class="panel" hidden></div>' +
      '<div class="invite" role="dialog" hidden><button class="invite-text" type="button"></button>' +
      '<button class="invite-close" type="button" aria-label="' + (zh ? '关闭' : 'Close') + '">×</button></div>' +
      '<button class="launcher" type="button" aria-expanded="false" aria-label="' +
      (zh ? '打开在线客服' : 'Open chat') + '">' +
      '<svg width="28" height="28" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>' +
      '<span class="badge" hidden>0</span></button>';
    var launcher = root.querySelector('.launcher');
    var panel = root.querySelector('.panel');
    var badge = root.querySelector('.badge');
    var bubble = root.querySelector('.invite');

    function tellVisit() {
      frame.contentWindow && frame.contentWindow.postMessage({ type: 'kefu:visit',
        visit: { pages: visit.pages, referrer: visit.referrer, language: navigator.language } }, base);
    }

    function tellInvitation() {
      if (invitation && frame.contentWindow) frame.contentWindow.postMessage({ type: 'kefu:invitation', greeting: invitation }, base);
    }

    function tellVisible() {
      frame.contentWindow && frame.contentWindow.postMessage({ type: 'kefu:visible', visible: !panel.hidden }, base);
    }

    // Hidden until opened; once made, it stays, so a chat in progress keeps its connection and counts unread messages.
    function makeFrame() {
      if (frame) return;
      frame = document.createElement('iframe');
      frame.title = zh ? '在线客服' : 'Chat';
      // The chat starts hidden; a frame made by a click is already open when its page arrives.
      frame.addEventListener('load', tellVisible);
      frame.addEventListener('load', tellVisit);
      frame.addEventListener('load', tellInvitation);
      frame.src = chatUrl();
      panel.appendChild(frame);
    }

    function setOpen(open) {
      if (open) makeFrame();
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', String(open));
      if (frame) tellVisible();
      if (open) badge.hidden = true;
      if (open) bubble.hidden = true;
    }

    // A rule that fits this page waits its time on the page; it is then shown unless the chat is open or going.
    function fits(rule) {
      return (visit.invited || []).indexOf(rule.id) < 0 && (!rule.url || matches(rule.url, location.href))
        && (!rule.pages || visit.pages.length >= rule.pages) && (!rule.returning || visit.returning);
    }

    function invite(rule) {
      if (!panel.hidden || !bubble.hidden || remembered() || !fits(rule)) return;
      visit.invited = (visit.invited || []).concat(rule.id);
      save(visit);
      invitation = rule.greeting;
      bubble.querySelector('.invite-text').textContent = rule.greeting;
      bubble.hidden = false;
    }

    (settings.invitations || []).forEach(function (rule) {
      if (!fits(rule)) return;
      setTimeout(function () { invite(rule); }, Math.max(0, (rule.secs || 0) * 1000 - (Date.now() - viewStart)));
    });
    bubble.querySelector('.invite-text').addEventListener('click', function () {
      var made = !!frame;
      setOpen(true);
      if (made) tellInvitation();
    });
    bubble.querySelector('.invite-close').addEventListener('click', function () { bubble.hidden = true; });
    widget = { setOpen: setOpen };
    launcher.addEventListener('click', function () { setOpen(panel.hidden); });
    window.addEventListener('message', function (event) {
      if (event.origin !== base || !event.data || !frame || event.source !== frame.contentWindow) return;
      if (event.data.type === 'kefu:unread') {
        badge.textContent = event.data.count > 99 ? '99+' : String(event.data.count);
        badge.hidden = !panel.hidden || !event.data.count;
      }
      else if (event.data.type === 'kefu:close') setOpen(false);
      else if (event.data.type === 'kefu:active') remember(event.data.active);
    });
    // A page that changes its address without loading (a single-page site) is a page view too.
    ['popstate', 'hashchange'].forEach(function (name) {
      window.addEventListener(name, function () { visit = viewed(); if (frame) tellVisit(); });
    });
    document.body.appendChild(host);
    if (openWanted) setOpen(true);
    else if (remembered()) makeFrame();
  }

  // A site the organization has not allowed gets no widget (403 site-not-allowed); any other failure, the defaults.
  fetch(settingsUrl())
    .then(function (r) {
      if (r.status === 403) return r.json().then(function (p) { return p && p.code === 'site-not-allowed' ? null : {}; });
      return r.ok ? r.json() : {};
    })
    .catch(function () { return {}; })
    .then(function (settings) {
      if (settings) start(settings);
      else if (window.console) console.warn('Kefu: this site is not among the sites allowed to show the chat of "' + org + '"');
    });
})();
