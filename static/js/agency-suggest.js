// Suggestions for an agency box (<input data-agency-suggest list="…">): as the user types, ask
// /agencies/suggest/ and fill the box's <datalist>. Without JavaScript the box still works: the server
// reads a typed name or code.
(function () {
  "use strict";
  document.querySelectorAll("input[data-agency-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.form && input.form.getAttribute("data-agency-suggest-url");
    if (!list || !url) { return; }
    var timer = null, asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2 || text === asked) { return; }
        asked = text;
        fetch(url + "?q=" + encodeURIComponent(text), {headers: {"Accept": "application/json"}, credentials: "same-origin"})
          .then(function (response) { return response.ok ? response.json() : {results: []}; })
          .then(function (data) {
            if (text !== asked) { return; }
            list.replaceChildren.apply(list, data.results.map(function (agency) {
              var option = document.createElement("option");
              option.value = agency.label;
              return option;
            }));
          })
          .catch(function () { /* no suggestions: typing still works */ });
      }, 200);
    });
  });
})();
