/* modelgraph docs: the theme switch and the search box. No framework and
 * no network: the index comes from search-index.js, loaded by a <script>
 * tag so that pages work from file://. Results are built with textContent,
 * never as markup, so a hostile name stays text. */
(function () {
  "use strict";
  var root = document.documentElement;
  var saved = null;
  try { saved = window.localStorage.getItem("mg-theme"); } catch (e) { saved = null; }
  if (saved === "dark" || saved === "light") root.setAttribute("data-theme", saved);

  function effectiveTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  /* Scores `text` for `query`: every character of the query in order, with
   * a bonus for runs, word starts and a prefix; -1 when it does not match. */
  function score(query, text) {
    var t = text.toLowerCase(), q = query.toLowerCase();
    if (!q) return -1;
    var exact = t.indexOf(q);
    if (exact === 0) return 1000 - t.length;
    if (exact > 0) return 500 - exact - t.length;
    var s = 0, ti = 0, run = 0;
    for (var qi = 0; qi < q.length; qi++) {
      var found = t.indexOf(q.charAt(qi), ti);
      if (found < 0) return -1;
      run = found === ti ? run + 1 : 0;
      s += 1 + run * 2;
      if (found === 0 || /[^a-z0-9]/.test(t.charAt(found - 1))) s += 3;
      s -= Math.min(found - ti, 5);
      ti = found + 1;
    }
    return s;
  }

  /* Every word of the query must match; the scores add up. */
  function scoreWords(query, text) {
    var words = query.split(/\s+/).filter(function (w) { return w.length > 0; });
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var s = score(words[i], text);
      if (s < 0) return -1;
      total += s;
    }
    return words.length ? total : -1;
  }

  var kindWeight = { table: 30, column: 10, relationship: 0 };

  function search(query) {
    var index = window.mgSearchIndex || [];
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var e = index[i];
      var s = scoreWords(query, e[1]);
      if (s < 0) continue;
      hits.push({ entry: e, score: s + (kindWeight[e[0]] || 0) });
    }
    hits.sort(function (a, b) {
      return b.score - a.score || (a.entry[1] < b.entry[1] ? -1 : a.entry[1] > b.entry[1] ? 1 : 0);
    });
    return hits.slice(0, 30);
  }

  function init() {
    var button = document.getElementById("theme");
    if (button) {
      button.addEventListener("click", function () {
        var next = effectiveTheme() === "dark" ? "light" : "dark";
        root.setAttribute("data-theme", next);
        try { window.localStorage.setItem("mg-theme", next); } catch (e) { /* private mode */ }
      });
    }
    var input = document.getElementById("search");
    var list = document.getElementById("search-results");
    if (!input || !list) return;
    var base = root.getAttribute("data-root") || "";
    var selected = -1;

    function select(i) {
      var items = list.children;
      for (var k = 0; k < items.length; k++) items[k].setAttribute("aria-selected", k === i ? "true" : "false");
      selected = i;
      if (items[i]) items[i].scrollIntoView({ block: "nearest" });
    }

    function show() {
      var query = input.value.trim();
      while (list.firstChild) list.removeChild(list.firstChild);
      selected = -1;
      if (!query) { list.hidden = true; return; }
      var hits = search(query);
      if (!hits.length) {
        var none = document.createElement("li");
        none.className = "empty";
        none.textContent = "Nothing matches.";
        list.appendChild(none);
      }
      hits.forEach(function (hit) {
        var e = hit.entry;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = base + e[3];
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = e[0];
        var name = document.createElement("span");
        name.className = "name";
        name.textContent = e[1];
        var context = document.createElement("span");
        context.className = "context";
        context.textContent = e[2];
        a.appendChild(kind);
        a.appendChild(name);
        a.appendChild(context);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
    }

    input.addEventListener("input", show);
    input.addEventListener("keydown", function (ev) {
      var n = list.querySelectorAll("li a").length;
      if (ev.key === "ArrowDown" && n) { ev.preventDefault(); select((selected + 1) % n); }
      else if (ev.key === "ArrowUp" && n) { ev.preventDefault(); select((selected - 1 + n) % n); }
      else if (ev.key === "Enter") {
        var links = list.querySelectorAll("li a");
        var target = links[selected >= 0 ? selected : 0];
        if (target) { ev.preventDefault(); window.location.href = target.href; }
      } else if (ev.key === "Escape") { list.hidden = true; input.blur(); }
    });
    document.addEventListener("click", function (ev) {
      if (!list.contains(ev.target) && ev.target !== input) list.hidden = true;
    });
    input.addEventListener("focus", function () { if (input.value.trim()) show(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
