/*
 * Cluster Atlas embed script: resizes iframes marked data-cluster-atlas on the host page to the height
 * their embed reports. No dependency. It accepts only height messages that come from one of those
 * iframes whose address is on this script's own site (sandboxed frames report an opaque "null" origin,
 * so the frame itself is what is checked), and ignores everything else.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var site = new URL(script.src, location.href).origin;
  function ours(frame) {
    try {
      return new URL(frame.getAttribute('src') || '', location.href).origin === site;
    } catch (e) {
      return false;
    }
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== site && event.origin !== 'null') return;
    var d = event.data;
    if (!d || typeof d !== 'object' || d.type !== 'cluster-atlas:height') return;
    if (typeof d.height !== 'number' || !(d.height > 0 && d.height < 20000)) return;
    var frames = document.querySelectorAll('iframe[data-cluster-atlas]');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow === event.source && ours(f)) {
        if (d.id != null && f.getAttribute('data-cluster-atlas') && f.getAttribute('data-cluster-atlas') !== String(d.id)) return;
        f.style.height = Math.ceil(d.height) + 'px';
        f.setAttribute('scrolling', 'no');
        return;
      }
    }
  });
})();
