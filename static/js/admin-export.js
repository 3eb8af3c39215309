// django-import-export's export page: its "select all" box came with an inline onchange="onSelectToggleChange(event)",
// which the Content-Security-Policy refuses (README "Security"); templates/admin/import_export/export.html cuts it.
// Bind the library's own function instead (defer: after parsing, before the person can click).
(function () {
  "use strict";
  document.querySelectorAll("input.select-toggle").forEach(function (box) {
    box.addEventListener("change", function (event) {
      if (typeof window.onSelectToggleChange === "function") {
        window.onSelectToggleChange(event);
      }
    });
  });
})();
