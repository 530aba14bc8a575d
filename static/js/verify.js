// The registration check at /verify/: normalises what the visitor typed,
// fetches the manifest and then the one shard that can hold the number,
// and says whether the registration is current, lapsed or unknown. The
// result is shareable as /verify/?reg=CST-000004.
const form = document.getElementById("verify-form");
const NUMBER_WORDS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
if (form) start(form);

async function start(form) {
  const core = await import(form.dataset.core);
  const input = document.getElementById("verify-reg");
  const out = document.getElementById("verify-result");
  const prefix = form.dataset.prefix;
  const digits = Number(form.dataset.digits);
  let manifest = null;
  const shards = new Map();

  async function json(url) {
    const r = await fetch(url, { credentials: "same-origin" });
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  }

  function say(parts) {
    out.replaceChildren();
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
      say(["“" + raw.trim() + "” is not a registration number. Numbers look like " + example + ": " + prefix + " followed by " + count + ". Upper or lower case is fine, and you can leave out the " + prefix + shorter + "."]);
      return;
    }
    out.textContent = "Checking " + reg + "…";
    try {
      manifest = manifest || (await json(form.dataset.index));
      const key = core.shardKey(reg, prefix, manifest.size);
      const url = manifest.shards[key];
      let shard = null;
      if (url) {
        if (!shards.has(url)) shards.set(url, await json(url));
        shard = shards.get(url);
      }
      const r = core.lookup(shard, reg, core.isoDate(new Date()));
      if (!r) {
        say([[{ text: reg }, " is not on the register."], "Check the number with the practitioner. If they still say they are certified, please tell us."]);
      } else if (r.status === "current") {
        const lines = [[{ text: reg }, " is current: ", { text: r.name }, " is certified until " + core.longDate(r.until) + "."]];
        if (r.level) lines.push("Level: " + r.level + ".");
        if (r.conditions) lines.push("Conditions on practice: " + r.conditions);
        lines.push([{ text: "See " + r.name + "’s profile", href: r.profile }]);
        say(lines);
      } else {
        const lines = [[{ text: reg }, " has lapsed: ", { text: r.name }, " was certified" + (r.since ? " from " + core.longDate(r.since) : "") + " until " + core.longDate(r.until) + ", and is not certified now."]];
        say(lines);
      }
    } catch (err) {
      say(["The register could not be loaded (" + err.message + "). Please try again, or contact us."]);
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    check(input.value);
  });
  const reg = new URLSearchParams(location.search).get("reg");
  if (reg) {
    input.value = reg;
    check(reg);
  }
}
