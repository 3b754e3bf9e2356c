// Posts the EMREX answer as soon as the page has loaded; the visible button stays as a fallback.
(function () {
  var form = document.getElementById('emrex-answer');
  if (form) {
    form.submit();
  }
})();
