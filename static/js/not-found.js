// Suggestions on the 404 page. The last part of the address that was not
// found ("/articles/saftey-advice/" gives "saftey advice") is looked up
// with the site's search, typos included, and the best three pages are
// offered as links. Nothing shows when search finds nothing, or when
// search cannot be loaded: the page's own links are always there.
import {openIndex} from "./search-engine.js";

/** pathQuery returns the words of the last part of a path. */
export function pathQuery(path) {
  let p = path;
  try {
    p = decodeURIComponent(path);
  } catch {
    // a malformed escape: use the path as it is
  }
  const last = p.split("/").filter(Boolean).pop() || "";
  // A short number at the end ("-2" of a copied page) is left out, as is
  // an address without letters: search requires every number.
  const words = last.replace(/\.(html?|php|aspx?)$/i, "").replace(/[-_.+\s]+/g, " ").replace(/( \d{1,2})+ ?$/, "").trim();
  return words === "index" || !/\p{L}/u.test(words) ? "" : words.slice(0, 100);
}

const box = typeof document === "undefined" ? null : document.getElementById("not-found-suggestions");
const q = box && pathQuery(location.pathname);
if (q) {
  // The trailing space: every word is read as typed, not as the start of
  // a longer one; and a page must have every word (or a word one typo
  // away), not just one of them.
  openIndex("/search/").search(q + " ", {limit: 9, all: true}).then(({results}) => {
    // One link a page: a reading list's books are documents of their own.
    const pages = new Map();
    for (const r of results) {
      const path = r.page.split("#")[0];
      if (pages.size < 3 && !pages.has(path)) pages.set(path, r);
    }
    box.dataset.found = pages.size;
    if (!pages.size) return;
    const list = box.querySelector("ul");
    for (const r of pages.values()) {
      const li = document.createElement("li"), a = document.createElement("a");
      a.href = r.page;
      a.textContent = r.title;
      li.append(a);
      list.append(li);
    }
    box.hidden = false;
  }, () => {});
}
