// Filters for /practitioners/: wires the form to directory-core.js. Without
// JavaScript the form stays hidden and the server-rendered lists are the
// directory. The filter data is fetched when a visitor first filters (or
// opens a shared filtered link), and the view is kept in the query string.

// FILTERS are the query's filters (directory-core.js reads them): a link
// that has one opens the directory filtered, so needs its data at once.
const FILTERS = ["q", "region", "modality", "language", "children", "accepting", "home", "wheelchair", "near"];

const form = document.getElementById("directory-filters");
if (form) start(form);

async function start(form) {
  // The data is downloaded once, by the first to ask: a link that opens
  // the directory filtered asks at once, while the modules load. Its
  // parts are fetched together and read one a task (directory-core.js
  // readParts). A link's data is asked for before the modules, so that
  // it does not wait for them.
  let coreLoaded = null;
  let data = null;
  const download = () => {
    if (!data) {
      const part = (url) =>
        fetch(url, { credentials: "same-origin" }).then((r) => {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r;
        });
      const parts = form.dataset.directory.split(" ").filter(Boolean).map(part);
      data = Promise.all(parts).then((responses) => coreLoaded.then((core) => core.readParts(responses)));
      data.catch(() => (data = null));
    }
    return data;
  };
  const params = new URLSearchParams(location.search);
  if (FILTERS.some((k) => params.get(k))) download();
  coreLoaded = import(form.dataset.core);
  const core = await coreLoaded;
  const $ = (id) => document.getElementById(id);
  const status = $("directory-status");
  const results = $("directory-results");
  const list = $("directory-result-list");
  const more = $("directory-more");
  const serverList = $("directory-list");
  const heading = $("results-heading");
  const empty = $("directory-empty");
  const total = core.formatCount(Number(form.dataset.total));
  const PAGE = 50;
  let index = null;
  let loading = null;
  let origin = null; // {lat, lon, label}
  let matches = [];
  let shown = 0;
  // The status line is a polite live region: what is written there is
  // read out. The list follows a name or town as it is typed, but its
  // count is said once the typing pauses for TYPING_PAUSE ms, not after
  // every letter, which would read a count over each letter typed.
  const TYPING_PAUSE = 1000;
  let sayTimer = 0;
  function say(text, after = 0) {
    clearTimeout(sayTimer);
    if (after) sayTimer = setTimeout(() => (status.textContent = text), after);
    else status.textContent = text;
  }

  form.hidden = false;

  // load fetches the data once. Its status line is taken back when the
  // data has come: a visitor who has not filtered yet is told nothing
  // more, and one who has is told what matched.
  const loadingSays = "Loading the directory…";
  function load() {
    if (index) return Promise.resolve(index);
    if (!loading) {
      say(loadingSays);
      // Prepared in steps, between which the page answers taps and keys:
      // in one go, ten thousand practitioners hold a slow phone up for
      // about a tenth of a second.
      loading = download()
        .then((data) => core.prepareInSteps(data))
        .then((prepared) => {
          index = prepared;
          suggestPlaces(index.placeLabels);
          if (status.textContent === loadingSays) status.textContent = "";
          return index;
        })
        .catch((err) => {
          loading = null;
          say("The directory could not be loaded (" + err.message + "). The lists below still work.");
          throw err;
        });
    }
    return loading;
  }

  // suggestPlaces fills the suggestions of "near" with the towns and
  // districts, a few hundred a task: the thousands of a large register
  // added in one task hold a slow phone up for about 50 ms. The filters
  // work meanwhile; only the suggestions are still coming.
  function suggestPlaces(labels) {
    const dl = $("f-places");
    core.inSteps(labels.length, 100, (from, to) => {
      const frag = document.createDocumentFragment();
      for (const label of labels.slice(from, to)) {
        const o = document.createElement("option");
        o.value = label;
        frag.append(o);
      }
      dl.append(frag);
    });
  }

  function readForm() {
    const st = core.emptyState();
    for (const k of ["q", "region", "modality", "language", "near"]) st[k] = form.elements[k].value.trim();
    for (const k of ["children", "accepting", "home", "wheelchair"]) st[k] = form.elements[k].checked;
    return st;
  }

  function writeForm(st) {
    for (const k of ["q", "region", "modality", "language", "near"]) form.elements[k].value = st[k];
    for (const k of ["children", "accepting", "home", "wheelchair"]) form.elements[k].checked = st[k];
  }

  function card(m) {
    const p = m.person;
    const li = document.createElement("li");
    li.className = "practitioner-card";
    const h = document.createElement("h3");
    const a = document.createElement("a");
    a.href = core.profileURL(p);
    a.textContent = p.name;
    h.append(a);
    const meta = document.createElement("p");
    meta.className = "practitioner-meta";
    // As the server writes it: "Advanced level · CST-000026".
    if (p.level) meta.append(p.level + " level · ");
    const reg = document.createElement("span");
    reg.className = "practitioner-reg";
    reg.textContent = p.reg;
    meta.append(reg);
    const towns = document.createElement("p");
    towns.className = "practitioner-towns";
    towns.textContent = m.locations.map((l) => l.town + " " + l.district + ", " + index.regions[l.region]).join("; ");
    li.append(h, meta);
    // As the server writes it: conditions on practice in the profile's
    // words when they fit on a card, with a link to them on the profile.
    if (p.conditions !== null) {
      const c = document.createElement("p");
      c.className = "practitioner-conditions";
      const a = document.createElement("a");
      a.href = core.profileURL(p) + "#conditions";
      a.textContent = "Conditions apply";
      c.append(a, p.conditions ? ": " + p.conditions : " to this practice; the profile sets them out.");
      li.append(c);
    }
    li.append(towns);
    if (m.km !== null) {
      const d = document.createElement("p");
      d.className = "practitioner-distance";
      d.textContent = core.describeDistance(m.km);
      li.append(d);
    }
    const mods = document.createElement("p");
    mods.className = "practitioner-modalities";
    mods.textContent = p.modalities.map((i) => index.modalities[i]).join(", ");
    const badges = document.createElement("ul");
    badges.className = "practitioner-badges";
    const badge = (t) => {
      const b = document.createElement("li");
      b.textContent = t;
      badges.append(b);
    };
    if (p.children) badge("Works with children (paediatric qualification)");
    badge(p.accepting ? "Accepting new clients" : "Not taking new clients at present");
    if (p.home) badge("Home visits");
    if (m.locations.some((l) => l.wheelchair)) badge("Wheelchair access");
    li.append(mods, badges);
    return li;
  }

  function showMore() {
    const frag = document.createDocumentFragment();
    for (const m of matches.slice(shown, shown + PAGE)) frag.append(card(m));
    list.append(frag);
    shown = Math.min(matches.length, shown + PAGE);
    more.hidden = shown >= matches.length;
    more.textContent = "Show more (" + core.formatCount(matches.length - shown) + " left)";
  }

  // apply shows the view st, by default the form's. A shared link's view is
  // applied as read from the URL: a value the form has no option for would
  // be lost on the way through it, showing everyone instead of nobody.
  // Going back to everyone (clearing the filters, or asking to be shown
  // practitioners with none set) is said, as any other change of the list.
  // typed is true while a name, town or postcode is being typed: what the
  // list shows is then said after a pause.
  async function apply(push, st = readForm(), sayCleared = false, typed = false) {
    const query = core.toQuery(st);
    if (push !== false) history.replaceState(null, "", location.pathname + query + location.hash);
    if (!core.isFiltered(st) && !origin) {
      sayCleared = sayCleared || !results.hidden;
      results.hidden = true;
      serverList.hidden = false;
      say(sayCleared ? "Filters cleared; showing all " + total + " practitioners by region." : "", typed && sayCleared ? TYPING_PAUSE : 0);
      return;
    }
    try {
      await load();
    } catch {
      return;
    }
    let from = origin;
    let note = "";
    if (st.near) {
      const place = core.findPlace(index, st.near);
      if (!place) note = " " + st.near + " is not a town or postcode we know, so the list is by name. Check the spelling, or try a postcode or a larger town nearby.";
      else {
        from = place;
        if (place.approx) note = " No practitioner lists " + st.near + ", so distances are from the centre of " + place.label + ", roughly.";
      }
    }
    matches = core.filter(index, st, from);
    list.replaceChildren();
    shown = 0;
    showMore();
    results.hidden = false;
    serverList.hidden = true;
    say(core.summary(matches.length, from ? from.label : "") + note, typed ? TYPING_PAUSE : 0);
    // With no matches the results section says so itself, where focus
    // goes, and its heading is described by that.
    empty.hidden = matches.length > 0;
    empty.textContent = matches.length ? "" : "No practitioners match these filters. Try fewer filters, or clear them to see everyone.";
    // A town typed as a name where nobody practises: offer the nearest.
    // A number no current practitioner has: offer the registration check.
    const place = !matches.length && st.q && core.findPlace(index, st.q);
    const reg = !matches.length && core.queryRegistration(index, st.q);
    if (reg) {
      const a = document.createElement("a");
      a.href = "/verify/?reg=" + encodeURIComponent(reg);
      a.textContent = "Check " + reg + " on the registration check";
      empty.replaceChildren("No current practitioner has registration number " + reg + ". ", a, ".");
    } else if (place) {
      const a = document.createElement("a");
      a.href = location.pathname + core.toQuery({ ...st, q: "", near: st.q });
      a.textContent = "See the practitioners nearest to " + place.label;
      empty.replaceChildren("Nobody in the directory practises in " + st.q + ". ", a, ".");
    }
    if (matches.length) heading.removeAttribute("aria-describedby");
    else heading.setAttribute("aria-describedby", "directory-empty");
  }

  let timer = 0;
  form.addEventListener("input", (e) => {
    clearTimeout(timer);
    // A count still waiting to be said is of the list before this change:
    // it is dropped now, not when the list next changes, so that it is not
    // read out over the letter just typed.
    clearTimeout(sayTimer);
    if (e.target.name === "near") origin = null;
    const typed = e.target.type === "search" || e.target.type === "text";
    timer = setTimeout(() => apply(true, readForm(), false, typed), typed ? 200 : 0);
  });
  // focusResults moves focus to the results' heading (or the first
  // region's), which also scrolls it into view, past the form.
  function focusResults() {
    const h = results.hidden ? serverList.querySelector("h2") : heading;
    if (!h) return;
    h.tabIndex = -1;
    h.focus();
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    apply(true, readForm(), true).then(focusResults);
  });
  form.addEventListener("reset", () => {
    origin = null;
    setTimeout(() => apply(true, readForm(), true), 0);
  });
  more.addEventListener("click", () => {
    const first = shown;
    showMore();
    const next = list.children[first];
    if (next) next.querySelector("a").focus();
  });
  $("f-locate").addEventListener("click", () => {
    if (!("geolocation" in navigator)) {
      say("This browser cannot share your location; enter a town or postcode district instead.");
      return;
    }
    say("Finding your location…");
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        origin = { lat: pos.coords.latitude, lon: pos.coords.longitude, label: "your location" };
        form.elements.near.value = "";
        apply();
      },
      () => {
        say("Your location is not available; enter a town or postcode district instead.");
      },
      { maximumAge: 600000, timeout: 15000 },
    );
  });
  // Prefetch on first interest so the first filter answers at once.
  form.addEventListener("focusin", () => load().catch(() => {}), { once: true });

  // The form shows before this script starts, so a visitor may already
  // have chosen something: a shared link's filters win, else that choice
  // applies. A link's filters (the home page's town box, an article's
  // link) were chosen already, so focus goes to the results, as after
  // "Show practitioners", rather than leaving them below the form.
  const initial = core.parseQuery(location.search);
  if (core.isFiltered(initial)) {
    writeForm(initial);
    apply(false, initial).then(() => {
      if (!results.hidden && (document.activeElement === document.body || !document.activeElement)) focusResults();
    });
  } else if (core.isFiltered(readForm())) {
    apply();
  }
}
