// Enhancement only: a copy button beside the link and the access code. Without JavaScript the text is
// selectable as it is. The button texts come from the page (data-copy-label, data-copied-label).
(function () {
  var list = document.querySelector('dl[data-copy-label]');
  if (!list) { return; }
  var status = document.getElementById('copy-status');
  function copied(button) {
    button.textContent = list.getAttribute('data-copied-label');
    if (status) { status.textContent = list.getAttribute('data-copied-label'); }
    setTimeout(function () { button.textContent = list.getAttribute('data-copy-label'); }, 4000);
  }
  function fallback(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { return document.execCommand('copy'); } catch (e) { return false; }
  }
  list.querySelectorAll('[data-copy]').forEach(function (element) {
    var label = document.getElementById(element.id + '-label');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary copy';
    button.textContent = list.getAttribute('data-copy-label');
    if (label) { button.setAttribute('aria-describedby', label.id); }
    button.addEventListener('click', function () {
      var text = element.textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button); }, function () {
          if (fallback(element)) { copied(button); }
        });
      } else if (fallback(element)) {
        copied(button);
      }
    });
    element.parentNode.appendChild(button);
  });
})();
