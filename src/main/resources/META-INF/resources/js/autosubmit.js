// Sends the browser on as soon as the page has loaded: the EMREX 1.0 form is posted, or the EMREX 2.0 link followed.
// The visible button or link stays as the fallback.
(function () {
  var form = document.getElementById('emrex-answer');
  if (form) {
    form.submit();
    return;
  }
  var link = document.getElementById('emrex-continue');
  if (link) {
    window.location.replace(link.href);
  }
})();
