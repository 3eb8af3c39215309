// Evidence files over the size cap are refused in the browser, before anything is sent: the input is
// emptied and the message (data-too-big, in the page's language) shown under it. The server checks again.
(function () {
  "use strict";
  function readable(bytes) {
    var units = ["B", "KB", "MB", "GB"], i = 0;
    while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i += 1; }
    return (i ? bytes.toFixed(1).replace(".", ",") : String(bytes)) + "\u00a0" + units[i];  // as Django's filesizeformat
  }
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var note = document.createElement("p");
    note.className = "error";
    note.setAttribute("role", "alert");
    note.hidden = true;
    input.insertAdjacentElement("afterend", note);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      note.hidden = true;
      if (file && file.size > max) {
        note.textContent = input.getAttribute("data-too-big")
          .replace("{name}", file.name).replace("{size}", readable(file.size));
        note.hidden = false;
        input.value = "";
      }
    });
  });
})();
