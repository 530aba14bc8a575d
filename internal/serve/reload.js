// Live reload for `sitegen serve`; the development server adds this script
// to every HTML page it serves (never to the published site). It listens to
// /_sitegen/events: "reload" reloads the page, "css" swaps the changed
// stylesheets in place, "problems" shows the failed build's problems over
// the page until a good build clears them.
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
  es.addEventListener("css", (e) => {
    const d = data(e);
    site = d.build;
    clearOverlay();
    swapStyles(d.css || []);
  });
  es.addEventListener("problems", (e) => {
    showOverlay(data(e).problems || []);
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

  function showOverlay(problems) {
    clearOverlay();
    const box = el("div", {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
      background: "rgba(20, 20, 24, 0.94)", color: "#f4f4f4", padding: "2rem",
      font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    });
    box.id = overlayID;
    box.setAttribute("role", "alert");
    box.append(el("h2", { margin: "0 0 1rem", color: "#ff8a80", font: "bold 18px/1.4 system-ui, sans-serif" },
      "The site does not build: " + problems.length + (problems.length === 1 ? " problem" : " problems")));
    box.append(el("p", { margin: "0 0 1.5rem", font: "14px/1.4 system-ui, sans-serif", color: "#ccc" },
      "The last good version is still served. Fix the file and save: this goes away by itself."));
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
    (document.body || document.documentElement).append(box);
  }
})();
