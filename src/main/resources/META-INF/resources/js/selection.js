// Enhancement only: ticking "select all" ticks its members at once. Without JavaScript the server
// expands the same boxes when the form is sent.
(function () {
  function members(box) {
    var key = box.getAttribute('data-select-all');
    if (key.indexOf('inst-') === 0) {
      return document.querySelectorAll('input[name="lo"][data-member="' + key + '"]');
    }
    var row = box.closest('tr');
    var result = [];
    if (!row) { return result; }
    var own = row.querySelector('input[name="lo"]');
    if (own) { result.push(own); }
    var depth = parseInt((row.className.match(/depth-(\d)/) || [0, 0])[1], 10);
    for (var next = row.nextElementSibling; next; next = next.nextElementSibling) {
      var d = parseInt((next.className.match(/depth-(\d)/) || [0, 0])[1], 10);
      if (d <= depth) { break; }
      var input = next.querySelector('input[name="lo"]');
      if (input) { result.push(input); }
    }
    return result;
  }
  document.querySelectorAll('input[data-select-all]').forEach(function (box) {
    box.addEventListener('change', function () {
      Array.prototype.forEach.call(members(box), function (input) { input.checked = box.checked; });
    });
  });
})();
