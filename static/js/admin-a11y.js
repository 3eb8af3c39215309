// Names the admin's autocomplete boxes (select2) after their field, for screen readers and axe-core: select2
// labels its box by the chosen value alone, which is empty in a new row. The name comes from the <select>'s
// aria-label (tabular inline rows: plan_tracker.admin_a11y) or its <label>.
(function () {
  "use strict";
  function nameOf(select) {
    if (select.getAttribute("aria-label")) return select.getAttribute("aria-label");
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/[:*]\s*$/, "").trim() : "";
  }
  function nameBoxes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var name = nameOf(select);
      var container = select.nextElementSibling;
      if (!name || !container) return;
      var labelId = select.id + "-a11y-name";
      if (!document.getElementById(labelId)) {
        var hidden = document.createElement("span");
        hidden.id = labelId;
        hidden.hidden = true;
        hidden.textContent = name;
        container.appendChild(hidden);
      }
      container.querySelectorAll(".select2-selection[role=combobox]").forEach(function (box) {
        var rendered = box.querySelector(".select2-selection__rendered");
        box.setAttribute("aria-labelledby", labelId + (rendered && rendered.id ? " " + rendered.id : ""));
        if (rendered) rendered.setAttribute("aria-label", name);
      });
      container.querySelectorAll("input.select2-search__field").forEach(function (input) {
        input.setAttribute("aria-label", name);
      });
    });
  }
  function nameSearch() {
    // The change list's search box is labelled by a magnifier image: its alt text ("Tìm kiếm") becomes its name.
    var box = document.getElementById("searchbar");
    var image = document.querySelector('label[for="searchbar"] img[alt]');
    if (box && image && !box.getAttribute("aria-label")) box.setAttribute("aria-label", image.getAttribute("alt"));
  }
  function run() { nameBoxes(document); nameSearch(); }
  if (window.django && window.django.jQuery) {
    // After the admin's autocomplete.js has turned the selects into select2 boxes (also on jQuery's ready).
    window.django.jQuery(run);
    window.django.jQuery(document).on("formset:added select2:close change", function () { run(); });
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
