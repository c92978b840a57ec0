/* govgraph: a date slider with play. Each step asks the server which seats are held on that date
   (graph.tenures' as-of rule, the one `members` uses) and hands the answer to the page's `apply`. */
function govgraphSlider(apply) {
  "use strict";
  var box = document.getElementById("slider");
  if (!box) { return null; }
  var dates = JSON.parse(box.getAttribute("data-dates"));
  var endpoint = box.getAttribute("data-endpoint"), body = box.getAttribute("data-body") || "";
  var range = document.getElementById("slider-range"), out = document.getElementById("slider-date");
  var play = document.getElementById("slider-play"), status = document.getElementById("slider-status");
  var timer = null, ticket = 0;
  var api = {dates: dates, date: box.getAttribute("data-date") || "", loading: false, loads: 0, playing: false};

  function show(i) {
    var day = dates[i], mine = ++ticket;
    api.loading = true;
    out.textContent = day;
    var url = endpoint + "?date=" + encodeURIComponent(day) + (body ? "&body=" + encodeURIComponent(body) : "");
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.json();
    }).then(function (data) {
      if (mine !== ticket) { return; }
      apply(data);
      api.date = day; api.loading = false; api.loads += 1;
      status.textContent = data.seats.length + " seats held on " + day + "; " + data.interlocks.length +
        " people on more than one body";
      document.body.setAttribute("data-date", day);
      var title = document.querySelector("[data-title-as-of]");  // a title that names its date follows the slider
      if (title) { title.textContent = title.getAttribute("data-title-as-of") + " as of " + day; }
      document.querySelectorAll("#messages li").forEach(function (li) {
        if (li.textContent.indexOf("more than one body") >= 0) {
          li.textContent = data.interlocks.length + " people sit on more than one body on " + day + " (highlighted).";
        }
      });
      var u = new URL(window.location.href);
      u.searchParams.set("date", day);
      window.history.replaceState(null, "", u.toString());
      var field = document.querySelector("form.filters input[name=date]");
      if (field) { field.value = day; }
    });
  }
  function stop() {
    if (timer) { clearInterval(timer); }
    timer = null; api.playing = false;
    play.textContent = "\u25B6 play";
  }
  range.addEventListener("input", function () { stop(); show(+range.value); });
  play.addEventListener("click", function () {
    if (timer) { stop(); return; }
    if (+range.value >= dates.length - 1) { range.value = 0; show(0); }
    api.playing = true;
    play.textContent = "\u275A\u275A pause";
    timer = setInterval(function () {
      var i = +range.value + 1;
      if (i >= dates.length) { stop(); return; }
      range.value = i;
      show(i);
    }, +(box.getAttribute("data-interval") || 1200));
  });
  api.show = function (i) { range.value = i; return show(i); };
  api.stop = stop;
  return api;
}
