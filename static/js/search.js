// Site search UI: the search box in the header of every page and the
// /search/ page. Nothing more is fetched until a search box gets focus,
// not even the search engine's code: a page read without searching costs
// only this module. The header's box is a WAI-ARIA combobox: arrow keys
// move through results and heading sub-results, Enter opens one, Escape
// closes the list; each option is named by its title and kind, its
// excerpt is its description. The
// popup closes when focus leaves the search form; when there are no
// results, the status line ("No results for …") shows in its place. The
// /search/ page's box is a plain search field and its results a list of
// links, reached with Tab like any others; with no results, the page
// shows its own advice below the status line. Either way the result count
// is announced through an aria-live region: at once for Enter, a kind
// ticked or a shared link, and, while a query is typed, once the typing
// pauses for a second, as the directory does, so that a screen reader
// does not read a count over each letter. A query that is a registration
// number finds that practitioner or, when no current one has it, points to
// the registration check.

// load fetches the search engine with its index, and the rule for
// registration numbers, once, as [index, registrationQuery]; a failed
// fetch is tried again next time.
let loading;
const load = () => loading ??= import("./search-engine.js")
  .then((engine) => [engine.openIndex(), engine.registrationQuery])
  .catch((err) => { loading = undefined; throw err; });

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
};

// item makes a result's list item: its title (a link to href, or the
// text of a popup option), its kind and its excerpt, whose matched words
// go in <mark>.
function item(cls, title, kind, excerpt, href) {
  const li = el("li", cls), t = el(href ? "a" : "span", "search-title", title);
  if (href) t.href = href;
  li.append(t);
  if (kind) li.append(el("span", "search-kind", kind));
  if (excerpt) {
    const p = el("p", "search-excerpt");
    for (const s of excerpt) p.append(s.mark ? el("mark", "", s.text) : s.text);
    li.append(p);
  }
  return li;
}

function setup(form) {
  const input = form.querySelector('input[name="q"]');
  const page = form.hasAttribute("data-search-page");
  const list = form.querySelector(".search-list");
  const status = form.querySelector(".search-status"), help = form.querySelector(".search-help");
  const {regPrefix, regDigits, verify} = form.dataset;
  // note: the status line says something to show instead of results.
  // wait: how long the status line waits before it speaks, a second
  // while a query is typed, so that its count is read once typing pauses.
  let options = [], active = -1, seq = 0, timer = 0, note = false, shown = false, wait, sayTimer;

  const open = (on) => {
    if (page) return;
    const has = on && options.length > 0;
    shown = on && (has || note);
    list.hidden = !has;
    status.classList.toggle("visually-hidden", !(on && note));
    status.classList.toggle("search-note", on && note);
    input.ariaExpanded = has;
    if (!has) select(-1);
  };
  function select(i) {
    options.forEach((o, j) => (o.ariaSelected = i === j));
    active = i;
    if (i < 0) input.removeAttribute("aria-activedescendant");
    else {
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({block: "nearest"});
    }
  }
  // option adds a popup option named by name; its excerpt describes it.
  function option(href, cls, name, title, kind, excerpt) {
    const li = item(cls, title, kind, excerpt), p = li.querySelector("p");
    li.id = `${list.id}-${options.length}`;
    li.role = "option";
    li.dataset.href = href;
    li.ariaLabel = name;
    if (p) {
      p.id = li.id + "-x";
      li.setAttribute("aria-describedby", p.id);
    }
    options.push(li);
    list.append(li);
  }
  // link is a result on the /search/ page: a list item led by a link.
  const link = (href, text, kind, excerpt) => item("search-result", text, kind, excerpt, href);
  function render(q, res, msg) {
    q = q.trim();
    list.replaceChildren();
    // The chosen option goes with the results it was one of.
    options = [];
    select(-1);
    for (const r of res ? res.results : []) {
      const kind = r.kind[0].toUpperCase() + r.kind.slice(1); // "Article", "Book"
      if (page) {
        const li = link(r.url, r.title, kind, r.excerpt);
        if (r.subs.length) {
          const subs = el("ul", "search-subs");
          for (const s of r.subs) subs.append(link(s.url, s.heading, "", s.url != r.url && s.excerpt));
          li.append(subs);
        }
        list.append(li);
        continue;
      }
      option(r.url, "search-option", `${r.title}, ${kind}`, r.title, kind, r.excerpt);
      for (const s of r.subs) option(s.url, "search-option search-sub", `${s.heading}, section of ${r.title}`, s.heading, "", s.url != r.url && s.excerpt);
    }
    const n = res ? res.total : 0;
    note = !!q && !n;
    if (help) help.hidden = !note || !!msg;
    // What the status line says waits while a query is typed.
    const said = msg || q && (n ? `${n} result${n === 1 ? "" : "s"}${n > res.results.length ? `, showing the best ${res.results.length}` : ""}` : `No results for “${q}”`);
    clearTimeout(sayTimer);
    sayTimer = setTimeout(() => status.replaceChildren(said), q && wait);
    open(!!q);
  }
  async function run(w = 0) {
    const q = input.value, my = ++seq;
    wait = w;
    if (page) history.replaceState(null, "", "?" + new URLSearchParams(new FormData(form)));
    if (!q.trim()) return render(q, null);
    try {
      const [index, registrationQuery] = await load();
      const limit = page ? 20 : 6, reg = regPrefix && registrationQuery(q, regPrefix, Number(regDigits));
      const res = await index.search(reg || q, reg ? {kinds: ["practitioner"], limit, exact: true} : {kinds: new FormData(form).getAll("kind"), limit});
      if (my !== seq) return;
      if (!reg || res.total) return render(q, res);
      // Lapsed and unknown numbers are not in the index: say so, without
      // suggesting anything about the person, and link the check.
      const a = el("a", "", `Check ${reg} on the registration check`);
      a.href = `${verify}?reg=${encodeURIComponent(reg)}`;
      const msg = document.createDocumentFragment();
      msg.append(`No current practitioner has registration number ${reg}. `, a, ".");
      render(q, res, msg);
    } catch {
      if (my === seq) render(q, null, "Search is not available right now; please try again later.");
    }
  }

  // Focus loads the engine and index, and shows the popup again (open
  // does nothing on the /search/ page).
  input.addEventListener("focus", () => {
    load().then(([index]) => index.ready()).catch(() => {});
    if (options.length || note) open(true);
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    clearTimeout(sayTimer);
    timer = setTimeout(run, 80, 1e3);
  });
  form.addEventListener("change", (ev) => { if (ev.target.name === "kind") run(); });
  if (page) {
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      clearTimeout(timer);
      run();
    });
    const params = new URLSearchParams(location.search);
    // A shared link is held to the box's own limit, as typing is.
    const q = params.get("q") || "";
    input.value = input.maxLength > 0 ? q.slice(0, input.maxLength) : q;
    const want = params.getAll("kind");
    form.querySelectorAll('input[name="kind"]').forEach((c) => { c.checked = want.includes(c.value); });
    if (input.value.trim()) run();
    return;
  }
  // Escape works anywhere in the form (a click in the popup focuses the
  // list) and brings focus back to the box; the other keys, in the box.
  form.addEventListener("keydown", (ev) => {
    const n = ev.target == input && options.length;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!n) return;
      ev.preventDefault();
      open(true);
      select(ev.key === "ArrowDown" ? (active + 1) % n : (active - 1 + n) % n);
    } else if (ev.key === "Enter" && n && active >= 0) {
      ev.preventDefault();
      location.href = options[active].dataset.href;
    } else if (ev.key === "Escape") {
      if (shown) {
        ev.preventDefault();
        input.focus();
      }
      open(false);
    }
  });
  list.addEventListener("click", (ev) => {
    const li = ev.target.closest('[role="option"]');
    if (li && !ev.target.closest("a")) location.href = li.dataset.href;
  });
  // The popup covers the page below it, so it closes when focus moves
  // out of the form. A click inside it lands first: the list takes
  // focus on mousedown (tabindex="-1"), and while a pointer is pressed
  // in the form, focus leaving (Safari does not focus a clicked link)
  // does not close it.
  let pressed = false;
  form.addEventListener("pointerdown", () => { pressed = true; });
  addEventListener("pointerup", () => { pressed = false; }, true);
  addEventListener("pointercancel", () => { pressed = false; }, true);
  form.addEventListener("focusout", (ev) => { if (!pressed && !form.contains(ev.relatedTarget)) open(false); });
  document.addEventListener("click", (ev) => { if (!form.contains(ev.target)) open(false); });
}

document.querySelectorAll("form[data-search]").forEach(setup);
