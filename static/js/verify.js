// The registration check at /verify/: normalises what the visitor typed,
// fetches the manifest (as the page opens) and then the one shard that can hold the number,
// and says whether the registration is current, lapsed or unknown. The
// result is shareable as /verify/?reg=CST-000004. Each answer starts with a
// heading that names it, and the result's data-status (current, lapsed,
// unknown, invalid) styles it; a lapsed or unknown number is followed by
// what to do, with the page's templates #verify-find (the directory) and
// #verify-tell-us (how to tell the association), and a current one by
// #verify-before-booking (the safety advice). On a small screen the answer is scrolled into view.
const form = document.getElementById("verify-form");
const NUMBER_WORDS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
if (form) start(form);

async function json(url) {
  const r = await fetch(url, { credentials: "same-origin" });
  if (!r.ok) throw new Error("HTTP " + r.status);
  return r.json();
}

async function start(form) {
  // The register's manifest (under a kilobyte) is asked for while the
  // check's modules load, so that on a slow connection a number, typed or
  // linked, waits only for its own shard; one that fails is asked for
  // again at the next check.
  let manifest = null;
  const getManifest = () => {
    if (!manifest) {
      manifest = json(form.dataset.index);
      manifest.catch(() => (manifest = null));
    }
    return manifest;
  };
  getManifest();
  const core = await import(form.dataset.core);
  const input = document.getElementById("verify-reg");
  const out = document.getElementById("verify-result");
  const prefix = form.dataset.prefix;
  const digits = Number(form.dataset.digits);
  const shards = new Map();

  // say writes the answer: an optional heading, then a paragraph for each
  // part (a string, or an array of strings, {text} in bold and {text,
  // href} links), then the nodes of extra (one, or a list).
  function say(status, heading, parts, extra) {
    out.replaceChildren();
    out.dataset.status = status;
    if (heading) {
      const h = document.createElement("h2");
      h.className = "verify-heading";
      h.textContent = heading;
      out.append(h);
    }
    for (const part of parts) {
      const p = document.createElement("p");
      for (const bit of [].concat(part)) {
        if (typeof bit === "string") p.append(bit);
        else {
          const el = document.createElement(bit.href ? "a" : "strong");
          if (bit.href) el.href = bit.href;
          el.textContent = bit.text;
          p.append(el);
        }
      }
      out.append(p);
    }
    for (const node of [].concat(extra || [])) if (node) out.append(node);
  }

  // fromTemplate is a copy of the page's template id, or null.
  function fromTemplate(id) {
    const t = document.getElementById(id);
    return t ? t.content.cloneNode(true) : null;
  }
  const nextSteps = () => [fromTemplate("verify-find"), fromTemplate("verify-tell-us")];

  // show scrolls the answer into view when it ends below the screen (a
  // phone, after the keyboard closes), without moving focus from the field.
  function show() {
    const r = out.getBoundingClientRect();
    if (r.bottom > innerHeight || r.top < 0) {
      out.scrollIntoView({ block: r.height > innerHeight ? "start" : "end", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    }
  }

  async function check(raw) {
    const reg = core.normalizeRegistration(raw, prefix, digits);
    // A malformed number marks the field invalid and ties it to the message.
    if (reg || !raw.trim()) {
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", "verify-help");
    } else {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", "verify-help verify-result");
    }
    history.replaceState(null, "", location.pathname + (raw.trim() ? "?reg=" + encodeURIComponent(reg || raw.trim()) : ""));
    if (!reg) {
      const example = prefix + "0".repeat(digits - 1) + "4";
      const count = (NUMBER_WORDS[digits] || String(digits)) + (digits === 1 ? " digit" : " digits");
      const shorter = digits > 1 ? " and the zeros in front, so typing 4 checks " + example : ", so typing 4 checks " + example;
      say("invalid", "", ["“" + raw.trim() + "” is not a registration number. Numbers look like " + example + ": " + prefix + " followed by " + count + ". Upper or lower case is fine, and you can leave out the " + prefix + shorter + "."]);
      return;
    }
    out.dataset.status = "checking";
    out.textContent = "Checking " + reg + "…";
    try {
      const m = await getManifest();
      const key = core.shardKey(reg, prefix, m.size);
      const url = m.shards[key];
      let shard = null;
      if (url) {
        if (!shards.has(url)) shards.set(url, await json(url));
        shard = shards.get(url);
      }
      const r = core.lookup(shard, reg, core.isoDate(new Date()));
      if (!r) {
        say("unknown", "Not on the register", [
          [{ text: reg }, " is not on the register."],
          "Check the number with the practitioner: a certified practitioner can tell you theirs, and is listed in our directory. Until it checks out, do not book them as a certified practitioner.",
        ], nextSteps());
      } else if (r.status === "current") {
        const lines = [[{ text: reg }, " is current: ", { text: r.name }, " is certified until " + core.longDate(r.until) + "."]];
        if (r.level) lines.push("Level: " + r.level + ".");
        if (r.conditions) lines.push("Conditions on practice: " + r.conditions);
        lines.push([{ text: "See " + r.name + "’s profile", href: r.profile }]);
        say("current", "Current registration", lines, fromTemplate("verify-before-booking"));
      } else {
        say("lapsed", "Lapsed: not certified now", [
          [{ text: reg }, " has lapsed: ", { text: r.name }, " was certified" + (r.since ? " from " + core.longDate(r.since) : "") + " until " + core.longDate(r.until) + ", and is not certified now."],
          "Do not book " + r.name + " as a certified practitioner: they are not on our register and not in our directory.",
        ], nextSteps());
      }
    } catch (err) {
      say("error", "", ["The register could not be loaded (" + err.message + "). Please try again, or contact us."]);
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    check(input.value).then(show);
  });
  const reg = new URLSearchParams(location.search).get("reg");
  if (reg) {
    input.value = reg;
    check(reg).then(show);
  }
}
