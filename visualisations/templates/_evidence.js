/* govgraph: show a fact's evidence (document, line, quote) in the #evidence panel. */
function govgraphShowEvidence(heading, sub, evidence, total) {
  "use strict";
  var panel = document.getElementById("evidence");
  if (!panel) { return; }
  var href = document.body.getAttribute("data-evidence-href") || "";
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  panel.replaceChildren();
  panel.appendChild(el("h2", "", heading));
  if (sub) { panel.appendChild(el("p", "muted", sub)); }
  if (!evidence || evidence.length === 0) {
    panel.appendChild(el("p", "muted no-evidence", "No evidence recorded for this item."));
    return;
  }
  evidence.forEach(function (ev) {
    var box = el("div", "ev");
    var where = ev.document + (ev.line ? ", line " + ev.line : "");
    if (href && ev.doc_id) {
      var a = el("a", "doc", where);
      a.href = href + encodeURIComponent(ev.doc_id) + (ev.line ? "#L" + ev.line : "");
      box.appendChild(a);
    } else {
      box.appendChild(el("div", "doc", where));
    }
    if (ev.quote) { box.appendChild(el("div", "quote", "\u201c" + ev.quote + "\u201d")); }
    panel.appendChild(box);
  });
  if (total && total > evidence.length) {
    panel.appendChild(el("p", "muted", "(" + (total - evidence.length) + " more not shown)"));
  }
}
/* Any element with data-evidence (timeline bars and markers, heatmap cells) shows it on click. */
document.addEventListener("click", function (event) {
  "use strict";
  var target = event.target.closest ? event.target.closest("[data-evidence]") : null;
  if (!target) { return; }
  var evidence = [];
  try { evidence = JSON.parse(target.getAttribute("data-evidence") || "[]"); } catch (e) { evidence = []; }
  govgraphShowEvidence(target.getAttribute("data-label") || "Evidence", "", evidence);
});
