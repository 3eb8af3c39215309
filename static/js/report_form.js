// The officer's report form (issue #14): nothing lost, fields that fit the status, a draft saved as one types.
// Everything here is an extra: without the script the form saves, submits, asks before deleting (a page) and
// copies last year's text (a save) all the same. Texts come from the form's data-* attributes (page language).
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) { return; }
  var dirty = false, submitting = false, stopped = false, lastChange = 0, lastSave = Date.now();
  var status = document.getElementById("autosave-status");
  var version = form.querySelector("input[name=version]");

  function say(text, isError) {
    if (!status) { return; }
    status.textContent = text;
    status.className = "autosave-status" + (isError ? " error" : "");
    status.setAttribute("role", isError ? "alert" : "status");
  }
  function changed() { dirty = true; lastChange = Date.now(); }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  // Leaving with unsaved changes asks first (the browser's own wording).
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) { event.preventDefault(); event.returnValue = form.dataset.unsaved; return form.dataset.unsaved; }
    return undefined;
  });

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (button && button.name === "delete_evidence") {
      var text = form.dataset.confirmDelete.replace("{name}", button.dataset.name || "");
      if (!window.confirm(text)) { event.preventDefault(); return; }
      var confirmed = document.createElement("input");
      confirmed.type = "hidden"; confirmed.name = "delete_confirmed"; confirmed.value = "1";
      form.appendChild(confirmed);
    }
    submitting = true;
  });

  // "Chép từ năm trước": with the script, into the empty box at once (nothing is sent).
  form.querySelectorAll("button[name=copy_last_year]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      var box = document.getElementById(button.dataset.copyTarget);
      if (!box) { return; }
      event.preventDefault();
      if (box.value.trim() && !window.confirm(button.dataset.replace || "?")) { return; }
      box.value = button.dataset.text;
      var copied = document.getElementById(button.dataset.copiedInput);
      if (copied) { copied.value = "True"; }  // the server then refuses to submit it unchanged
      box.dispatchEvent(new Event("input", { bubbles: true }));
      box.focus();
    });
  });

  // Fields that fit the status: none but the status until one is chosen; the reason only for "nothing to
  // report"; the results, quantity and files otherwise. A field holding something or an error always shows.
  function holds(field) {
    if (field.classList.contains("has-error")) { return true; }
    var box = field.querySelector("textarea, input:not([type=file]):not([type=hidden])");
    return !!(box && box.value.trim());
  }
  function fit(select) {
    var block = select.closest("fieldset.task");
    if (!block) { return; }
    var none = select.value === "", nothing = select.value === "nothing_to_report";
    block.querySelectorAll(".field").forEach(function (field) {
      var name = field.dataset.field || "";
      var show = true;
      if (/-no_report_reason$/.test(name)) { show = nothing; }
      else if (/-(achievements|quantity_achieved)$/.test(name)) { show = !none && !nothing; }
      else if (/-evidence$/.test(name)) { show = !none; }
      field.hidden = !show && !holds(field);
    });
    var copy = block.querySelector(".copy-last-year");
    if (copy) { copy.hidden = none || nothing; }
  }
  form.querySelectorAll("select[data-status]").forEach(function (select) {
    fit(select);
    select.addEventListener("change", function () { fit(select); });
  });

  // Text length: a counter under each limited box.
  form.querySelectorAll("textarea[maxlength]").forEach(function (box) {
    var max = parseInt(box.getAttribute("maxlength"), 10);
    var counter = document.createElement("small");
    counter.className = "meta counter";
    counter.setAttribute("aria-live", "polite");
    box.insertAdjacentElement("afterend", counter);
    function update() {
      counter.textContent = box.value.length.toLocaleString("vi-VN") + "/" + max.toLocaleString("vi-VN");
      counter.classList.toggle("near", box.value.length > max * 0.9);
    }
    box.addEventListener("input", update);
    update();
  });

  // Autosave: every few minutes while there are changes, the texts (not the files) sent as "Lưu nháp" would,
  // with the version the page stands on: a save made meanwhile elsewhere (another tab) is refused (409) and said.
  var every = parseInt(form.dataset.autosaveSeconds, 10) * 1000;
  function autosave() {
    if (!dirty || submitting || stopped) { return; }
    var data = new FormData(form);
    form.querySelectorAll("input[type=file]").forEach(function (input) { data.delete(input.name); });
    say(form.dataset.saving, false);
    dirty = false;
    fetch(window.location.pathname, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Autosave": "1", "X-CSRFToken": data.get("csrfmiddlewaretoken") }
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (answer) {
      if (answer.body.ok) {
        version.value = answer.body.version;
        lastSave = Date.now();
        say(answer.body.message, false);
      } else {
        dirty = true;
        if (answer.status === 409) { stopped = true; }
        say(answer.body.message, true);
      }
    }).catch(function () { dirty = true; say(form.dataset.offline, true); });
  }
  window.setInterval(function () {
    if (dirty && Date.now() - lastSave >= every && Date.now() - lastChange < every * 5) { autosave(); }
  }, Math.min(every, 15000));
  form.autosaveNow = autosave;  // for the browser tests
})();
