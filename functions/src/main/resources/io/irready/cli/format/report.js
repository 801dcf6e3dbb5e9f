// Filters for the readiness report. Without this script every finding shows and the form stays hidden.
// The state lives in the fragment (#status=FAIL&severity=HIGH&service=s3&account=123456789012), so a filtered
// view can be linked; a ?query works the same way for tools that drop fragments.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !document.querySelectorAll || !window.URLSearchParams) {
    return;
  }
  var RANK = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFORMATIONAL: 4 };
  var NAMES = ["status", "severity", "service", "account"];

  function matches(row, f) {
    var s = row.getAttribute("data-status");
    if (f.status === "OPEN" ? !(s === "FAIL" || s === "ERROR") : f.status && s !== f.status) {
      return false;
    }
    if (f.severity && RANK[row.getAttribute("data-severity")] > RANK[f.severity]) {
      return false;
    }
    return (!f.service || row.getAttribute("data-service") === f.service)
      && (!f.account || row.getAttribute("data-account") === f.account);
  }

  function current() {
    var f = {};
    NAMES.forEach(function (n) { f[n] = form.elements[n].value; });
    return f;
  }

  function apply() {
    var f = current();
    var rows = document.querySelectorAll("tr[data-status]");
    var shown = 0;
    var all = document.querySelectorAll("#all tr[data-status]").length;
    Array.prototype.forEach.call(rows, function (row) {
      var show = matches(row, f);
      row.hidden = !show;
      if (show && row.closest("#all")) {
        shown++;
      }
    });
    // a fix block whose resources are all filtered out says nothing about the filtered view
    Array.prototype.forEach.call(document.querySelectorAll("article.check"), function (block) {
      block.hidden = !block.querySelector("tr[data-status]:not([hidden])");
    });
    document.getElementById("shown").textContent = shown + " of " + all + " findings shown";
  }

  function load() {
    var text = location.hash.length > 1 ? location.hash.substring(1) : location.search.substring(1);
    var params = new URLSearchParams(text);
    NAMES.forEach(function (n) {
      var value = (params.get(n) || "");
      var select = form.elements[n];
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  }

  function save() {
    var f = current();
    var params = new URLSearchParams();
    NAMES.forEach(function (n) { if (f[n]) { params.set(n, f[n]); } });
    var fragment = params.toString();
    if (history.replaceState) {
      history.replaceState(null, "", fragment ? "#" + fragment : location.pathname + location.search);
    }
  }

  form.addEventListener("change", function () { apply(); save(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(); save(); }, 0); });
  window.addEventListener("hashchange", function () { load(); apply(); });
  load();
  form.hidden = false;
  apply();
})();
