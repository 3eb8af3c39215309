// Evidence files are refused in the browser, before anything is sent: a file over the size cap (data-max-bytes),
// or one that takes the files chosen in the whole form over the cap of one save (data-max-total). The input is
// emptied and the message (data-too-big / data-too-much, in the page's language) shown under it. The server
// checks again.
(function () {
  "use strict";
  function readable(bytes) {
    var units = ["B", "KB", "MB", "GB"], i = 0;
    while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i += 1; }
    return (i ? bytes.toFixed(1).replace(".", ",") : String(bytes)) + "\u00a0" + units[i];  // as Django's filesizeformat
  }
  var inputs = Array.prototype.slice.call(document.querySelectorAll("input[type=file][data-max-bytes]"));
  function chosen(form) {
    var total = 0;
    inputs.forEach(function (other) {
      if (other.form === form && other.files) {
        for (var i = 0; i < other.files.length; i += 1) { total += other.files[i].size; }
      }
    });
    return total;
  }
  inputs.forEach(function (input) {
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var maxTotal = parseInt(input.getAttribute("data-max-total"), 10);
    var note = document.createElement("p");
    note.className = "error";
    note.setAttribute("role", "alert");
    note.hidden = true;
    input.insertAdjacentElement("afterend", note);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var message = null;
      note.hidden = true;
      if (file && file.size > max) {
        message = input.getAttribute("data-too-big").replace("{size}", readable(file.size));
      } else if (file && maxTotal && chosen(input.form) > maxTotal) {
        message = input.getAttribute("data-too-much").replace("{size}", readable(chosen(input.form)));
      }
      if (message) {
        note.textContent = message.replace("{name}", file.name);
        note.hidden = false;
        input.value = "";
      }
    });
  });
})();
