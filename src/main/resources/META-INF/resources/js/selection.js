// Enhancement only. Without JavaScript the server does the same when the form is sent: a ticked
// "select all" or programme box adds every passed result under it, an unticked one removes them, and a
// programme's box is shown ticked when all its passed results are.
(function () {
  function depthOf(row) {
    return parseInt((row.className.match(/depth-(\d)/) || [0, 0])[1], 10);
  }

  // The result boxes (name="lo") under a box for many results.
  function members(box) {
    var key = box.getAttribute('data-select-all');
    if (key.indexOf('inst-') === 0) {
      return Array.prototype.slice.call(document.querySelectorAll('input[name="lo"][data-member="' + key + '"]'));
    }
    var row = box.closest('tr');
    var result = [];
    if (!row) { return result; }
    var depth = depthOf(row);
    for (var next = row.nextElementSibling; next; next = next.nextElementSibling) {
      if (depthOf(next) <= depth) { break; }
      var input = next.querySelector('input[name="lo"]');
      if (input) { result.push(input); }
    }
    return result;
  }

  function passed(input) {
    return input.getAttribute('data-passed') === 'true';
  }

  // A box for many results is ticked when all the passed results under it are.
  function reflect() {
    document.querySelectorAll('input[data-select-all]').forEach(function (box) {
      var passedMembers = members(box).filter(passed);
      if (passedMembers.length > 0) {
        box.checked = passedMembers.every(function (input) { return input.checked; });
      }
    });
  }

  var summary = document.getElementById('selection-summary');
  var template = summary ? summary.getAttribute('data-template') : null;
  var lang = document.documentElement.getAttribute('lang') || 'en';
  function total() {
    if (!summary || !template) { return; }
    var count = 0;
    var credits = 0;
    document.querySelectorAll('input[name="lo"]').forEach(function (input) {
      if (input.checked) {
        count++;
        credits += parseFloat(input.getAttribute('data-credits') || '0') || 0;
      }
    });
    var rounded = Math.round(credits * 100) / 100;
    var formatted = String(rounded);
    if (typeof Intl !== 'undefined' && Intl.NumberFormat) {
      formatted = new Intl.NumberFormat(lang === 'en' ? 'en' : 'nb', { maximumFractionDigits: 2, useGrouping: false })
          .format(rounded);
    } else if (lang !== 'en') {
      formatted = formatted.replace('.', ',');
    }
    summary.textContent = template.replace('987654321', String(count)).replace('@CREDITS@', formatted);
  }

  // With the script the result boxes always say what is selected, so the server need not compare the boxes for
  // many results with how the page showed them.
  document.querySelectorAll('input[name="shownGroup"], input[name="shownInstitution"]').forEach(function (hidden) {
    hidden.parentNode.removeChild(hidden);
  });

  document.querySelectorAll('input[data-select-all]').forEach(function (box) {
    box.addEventListener('change', function () {
      members(box).forEach(function (input) {
        // "Select all" never adds failed or unfinished results; unticking removes everything under it.
        if (!box.checked || passed(input)) { input.checked = box.checked; }
      });
      reflect();
      total();
    });
  });
  document.querySelectorAll('input[name="lo"]').forEach(function (input) {
    input.addEventListener('change', function () {
      reflect();
      total();
    });
  });
})();
