// Shows every <time datetime> in the operator's time zone; the UTC moment stays in its title (on hover).
(function () {
  "use strict";
  var format = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  });

  function localize(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      if (el.dataset.localized) {
        return;
      }
      var at = new Date(el.getAttribute("datetime"));
      if (!isNaN(at.getTime())) {
        el.textContent = format.format(at);
        el.dataset.localized = "true";
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localize(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    localize(event.target);
  });
})();
