// Live reload for `sitegen serve`; the development server adds this script
// to every HTML page it serves (never to the published site). It listens to
// /_sitegen/events: "reload" reloads the page, "css" swaps the changed
// stylesheets in place, "problems" shows the failed build's problems over
// the page until a good build clears them, and "watching" the folders the
// system will not watch, in the same overlay, until they are watched (an
// event with none); that notice alone can be hidden, for as long as it
// says the same.
(() => {
  "use strict";
  const overlayID = "sitegen-problems";
  // The build of the site this page is from; 0 when the site did not
  // build yet.
  const script = document.currentScript;
  let site = script ? Number(script.dataset.build || 0) : null;

  const es = new EventSource("/_sitegen/events");
  const data = (e) => JSON.parse(e.data);

  es.addEventListener("hello", (e) => {
    // The server has served a newer site since this page was served: built
    // before this stream first connected (a second rebuild finishing while
    // the page reloaded after the first), or while it was away.
    if (site !== null && (data(e).site || 0) !== site) location.reload();
  });
  es.addEventListener("reload", () => location.reload());
  // What the overlay shows: the failed build's problems and the folders
  // not watched.
  let buildProblems = [];
  let watchProblems = [];
  const hiddenKey = "sitegen-watching-hidden";

  es.addEventListener("css", (e) => {
    const d = data(e);
    site = d.build;
    buildProblems = [];
    showOverlay();
    swapStyles(d.css || []);
  });
  es.addEventListener("problems", (e) => {
    buildProblems = data(e).problems || [];
    showOverlay();
  });
  es.addEventListener("watching", (e) => {
    watchProblems = data(e).problems || [];
    showOverlay();
  });

  // A fingerprinted name without its fingerprint: /assets/site.1a2b3c4d.css
  // is /assets/site.css, so the new file replaces the old one.
  const unprinted = (u) => new URL(u, location.href).pathname.replace(/\.[0-9a-f]{8,}(\.css)$/, "$1");

  function swapStyles(urls) {
    const fresh = new Map(urls.map((u) => [unprinted(u), u]));
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const u = fresh.get(unprinted(link.href));
      if (!u) continue;
      const next = link.cloneNode();
      next.href = u;
      // The old sheet goes once the new one applies: no unstyled flash.
      next.addEventListener("load", () => link.remove(), { once: true });
      link.after(next);
    }
  }

  function clearOverlay() {
    const o = document.getElementById(overlayID);
    if (o) o.remove();
  }

  function el(tag, style, text) {
    const n = document.createElement(tag);
    Object.assign(n.style, style);
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function watchText() {
    return watchProblems.map((p) => p.text).join("\n");
  }

  function hidden() {
    try {
      return sessionStorage.getItem(hiddenKey) === watchText();
    } catch {
      return false;
    }
  }

  function showOverlay() {
    clearOverlay();
    const watching = watchProblems.length > 0 && (buildProblems.length > 0 || !hidden());
    if (buildProblems.length === 0 && !watching) return;
    const box = el("div", {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
      background: "rgba(20, 20, 24, 0.94)", color: "#f4f4f4", padding: "2rem",
      font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    });
    box.id = overlayID;
    box.setAttribute("role", "alert");
    if (buildProblems.length > 0) {
      box.append(el("h2", { margin: "0 0 1rem", color: "#ff8a80", font: "bold 18px/1.4 system-ui, sans-serif" },
        "The site does not build: " + buildProblems.length + (buildProblems.length === 1 ? " problem" : " problems")));
      box.append(el("p", { margin: "0 0 1.5rem", font: "14px/1.4 system-ui, sans-serif", color: "#ccc" },
        "The last good version is still served. Fix the file and save: this goes away by itself."));
      appendProblems(box, buildProblems);
    }
    if (watching) {
      box.append(el("h2", { margin: "0 0 1rem", color: "#ffd180", font: "bold 18px/1.4 system-ui, sans-serif" },
        "The preview does not see every change"));
      box.append(el("p", { margin: "0 0 1.5rem", font: "14px/1.4 system-ui, sans-serif", color: "#ccc" },
        "Saves in the folder named below do not reach the preview. Do what it says: " +
        "this goes away by itself once the folder is watched."));
      const list = el("div", {});
      list.className = "sitegen-watching";
      appendProblems(list, watchProblems);
      box.append(list);
      if (buildProblems.length === 0) {
        const hide = el("button", { font: "14px/1.4 system-ui, sans-serif", padding: "0.25rem 0.75rem" }, "Hide");
        hide.type = "button";
        hide.addEventListener("click", () => {
          try {
            sessionStorage.setItem(hiddenKey, watchText());
          } catch {
            // No storage: hidden until the page reloads.
          }
          clearOverlay();
        });
        box.append(hide);
      }
    }
    (document.body || document.documentElement).append(box);
  }

  function appendProblems(box, problems) {
    for (const p of problems) {
      const item = el("section", { margin: "0 0 1.5rem" });
      item.className = "sitegen-problem";
      const where = p.file ? p.file + (p.line ? ":" + p.line + (p.col ? ":" + p.col : "") : "") : "";
      item.append(el("div", { color: "#ffd180", fontWeight: "bold" }, where));
      item.append(el("div", { whiteSpace: "pre-wrap", margin: "0.25rem 0 0.5rem" }, p.message));
      if (p.source && p.source.length) {
        const pre = el("pre", { margin: "0", padding: "0.5rem 0", background: "#000", overflowX: "auto" });
        for (const l of p.source) {
          const row = el("div", { padding: "0 0.75rem", background: l.here ? "#4a1f1f" : "transparent" },
            String(l.n).padStart(5, " ") + (l.here ? " > " : "   ") + l.text);
          pre.append(row);
          if (l.here && p.col > 0) {
            pre.append(el("div", { padding: "0 0.75rem", color: "#ff8a80" }, " ".repeat(8 + p.col - 1) + "^"));
          }
        }
        item.append(pre);
      }
      box.append(item);
    }
  }
})();
