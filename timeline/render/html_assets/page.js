// Filters by status and source (also set from the address: #status=expected&source=a1), the shown count,
// and a click on an event card (or a link to it, #event-ID) opens its date derivation.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("main section"));
  var shown = document.getElementById("shown");

  function checked(name) {
    var boxes = form.querySelectorAll('input[name="' + name + '"]');
    var values = [];
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) values.push(boxes[i].value);
    return { all: boxes.length === values.length, values: values };
  }

  function apply(initial) {
    var status = checked("status"), source = checked("source"), count = 0;
    events.forEach(function (event) {
      var sources = JSON.parse(event.getAttribute("data-sources"));
      var visible = status.values.indexOf(event.getAttribute("data-status")) >= 0 &&
        sources.some(function (id) { return source.values.indexOf(id) >= 0; });
      event.classList.toggle("hidden", !visible);
      if (visible) count++;
    });
    sections.forEach(function (section) {
      section.classList.toggle("hidden", !section.querySelector("article.event:not(.hidden)"));
    });
    shown.textContent = count + " of " + events.length + " events shown";
    var parts = [];
    if (!status.all) parts.push("status=" + status.values.map(encodeURIComponent).join(","));
    if (!source.all) parts.push("source=" + source.values.map(encodeURIComponent).join(","));
    if (initial !== true && window.history && history.replaceState) {  // the address keeps the filters
      history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    }
  }

  function fromAddress() {
    var target = document.getElementById(decodeURIComponent(location.hash.replace(/^#/, "")));
    if (target && target.matches("article.event")) {  // a link to one event opens its derivation
      var details = target.querySelector("details");
      if (details) details.open = true;
      return;
    }
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("="), name = kv[0];
      if ((name !== "status" && name !== "source") || kv.length < 2) return;
      var wanted = kv[1].split(",").map(decodeURIComponent);
      var boxes = form.querySelectorAll('input[name="' + name + '"]');
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = wanted.indexOf(boxes[i].value) >= 0;
    });
  }

  form.addEventListener("change", function () { apply(false); });
  Array.prototype.forEach.call(form.querySelectorAll("button[data-select]"), function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("data-select") === "all";
      var boxes = form.querySelectorAll('input[name="source"]');
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = on;
      apply(false);
    });
  });
  events.forEach(function (event) {
    event.addEventListener("click", function (e) {
      if (e.target.closest("a, summary, details")) return;
      var details = event.querySelector("details");
      if (details) details.open = !details.open;
    });
  });
  fromAddress();
  apply(true);
  document.documentElement.setAttribute("data-ready", "yes");
})();
