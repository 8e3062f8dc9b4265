/*
 * Cluster Atlas start-up check: a classic script (ES5, no module) that every page loads first, so that a
 * page which cannot run never stays blank. It says why, in Chinese and English, and points to the
 * offline edition, when:
 *   - the page was opened from disk (file://): browsers refuse module scripts and data there;
 *   - the browser is too old for the site's code (no module scripts, missing ES2020 built-ins, or a
 *     syntax error before the page's code started).
 * Its words live here, not in the site's catalogues, because it must work when nothing else loads.
 */
(function () {
  // Built-ins that the site and its map library use but Chromium 86–92 cores lack; the syntax is lowered to
  // ES2020 by the build, these small methods are filled in here, before any module runs.
  function define(target, name, fn) {
    if (target && !target[name]) Object.defineProperty(target, name, { value: fn, writable: true, configurable: true });
  }
  function at(i) {
    var n = this.length;
    i = Math.trunc(i) || 0;
    if (i < 0) i += n;
    return i < 0 || i >= n ? undefined : this[i];
  }
  define(Object, 'hasOwn', function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); });
  define(Array.prototype, 'at', at);
  define(String.prototype, 'at', at);
  if (typeof Int8Array !== 'undefined') define(Object.getPrototypeOf(Int8Array.prototype), 'at', at);

  var OFFLINE = 'cluster-atlas-offline.html';
  var TEXT = {
    file: [
      '本网站需要通过网站服务器打开，直接双击 HTML 文件时浏览器不允许载入程序和数据。',
      'This site needs a web server: opened straight from disk, the browser refuses to load its code and data.'
    ],
    old: [
      '此浏览器版本过旧，无法运行本网站。请改用较新的浏览器（Chromium 86 或更高版本的内核）。',
      'This browser is too old to run this site. Please use a newer browser (a Chromium 86 or later core).'
    ],
    offline: [
      '无网络或无服务器时，请使用离线版：一个 HTML 文件，双击即可打开。',
      'Without a network or a server, use the offline edition: one HTML file that opens with a double-click.'
    ],
    link: ['打开离线版', 'Open the offline edition']
  };
  var shown = false;

  function para(text, lang) {
    var p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    p.style.margin = '0 0 0.5em';
    return p;
  }

  function show(kind) {
    if (shown) return;
    shown = true;
    var box = document.createElement('div');
    box.className = 'start-check';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'max-width:40em;margin:2em auto;padding:1em 1.25em;border:2px solid #b45309;border-radius:6px;background:#fffbeb;color:#1c1917;font:16px/1.6 system-ui,"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif';
    var langs = ['zh-CN', 'en'];
    for (var i = 0; i < 2; i++) {
      box.appendChild(para(TEXT[kind][i], langs[i]));
      if (!TEXT.offline) continue;
      box.appendChild(para(TEXT.offline[i], langs[i]));
      var a = document.createElement('a');
      a.href = OFFLINE;
      a.lang = langs[i];
      a.className = 'start-check-offline';
      a.textContent = TEXT.link[i] + ' (' + OFFLINE + ')';
      var p = document.createElement('p');
      p.style.margin = '0 0 1em';
      p.appendChild(a);
      box.appendChild(p);
    }
    var body = document.body;
    if (!body) return;
    // The page's own parts cannot work: leave only the explanation.
    for (var c = body.firstElementChild; c; c = c.nextElementSibling) c.hidden = true;
    body.insertBefore(box, body.firstChild);
    if (window.__atlas) window.__atlas.ready = true;
  }

  function whenReady(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  var script = document.createElement('script');
  var modules = 'noModule' in script;
  var builtins = typeof Promise !== 'undefined' && typeof Promise.allSettled === 'function' && typeof fetch === 'function' &&
    typeof Symbol !== 'undefined' && typeof Object.fromEntries === 'function' && typeof Array.prototype.flat === 'function' &&
    typeof String.prototype.matchAll === 'function' && typeof globalThis !== 'undefined' && typeof URLSearchParams === 'function' &&
    typeof TextDecoder === 'function';

  // The offline edition and meeting files run from disk by design, and are what the message points to.
  var singleFile = document.documentElement.getAttribute('data-edition') === 'single-file';
  if (singleFile) TEXT.offline = TEXT.link = null;
  if (location.protocol === 'file:' && !singleFile) {
    window.__atlasStartCheck = 'file';
    whenReady(function () { show('file'); });
    return;
  }
  if (!modules || !builtins) {
    window.__atlasStartCheck = 'old';
    whenReady(function () { show('old'); });
    return;
  }
  // A syntax error in the page's first module (an older core that lacks newer syntax) arrives here
  // before the page has started.
  window.addEventListener('error', function (e) {
    if (window.__atlasStarted) return;
    var m = (e && e.message) || '';
    if (/SyntaxError|Unexpected token|Unexpected identifier|Cannot use import/.test(m)) {
      window.__atlasStartCheck = 'old';
      whenReady(function () { show('old'); });
    }
  });
})();
