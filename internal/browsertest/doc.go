// Package browsertest checks the built site the way visitors and Netlify
// meet it: in a real browser, behind the production headers.
//
// The package holds two things besides its tests:
//
//	netlify.go  netlify.toml parsed (LoadNetlify) and Netlify's header
//	            rules matched against a path (Netlify.HeadersFor, Match)
//	            by Netlify's own rules, loose ones included
//	server.go   a static server for a built folder (NewServer) that
//	            behaves as Netlify does for this site: pretty URLs, /x to
//	            /x/, _redirects, /404.html with status 404, and every
//	            header rule of netlify.toml, so a Content-Security-Policy
//	            violation in a page shows up in the tests as it would in
//	            production
//
// The tests build the bundled site once (TestMain, with the build's today
// fixed at 2026-12-01 so practitioners' statuses are stable), with the
// pages of testdata/site added: /markdown-features/ uses every Markdown
// feature editors may write (a table wider than a phone, a code block
// with a long line, task, nested and definition lists, footnotes
// referenced twice, a long bare address, a wide picture, headings down to
// level six, contents), and with raw HTML allowed, /pasted-html/ holds
// the HTML editors paste (details, abbr, kbd, sup, br, a figure), so that
// every check below meets them. They check:
//
//   - netlify.toml against the build: the publish folder is the build's
//     default output, the build commands and contexts, the headers the
//     browser tests rely on, no 'unsafe-inline', long-lived caching on
//     content-hashed files only (every file of the built site at every
//     address it is served at, against every caching rule) and never on
//     the fixed-name files, the contact form's Netlify Forms markup;
//   - in Chromium (chromedp, one browser for the whole run): every page
//     type loads with no console error, failed request or CSP violation;
//     site search by keyboard with its count announced; the directory's
//     filters, URL state and distance sort; the registration check; no
//     horizontal scrolling at 375 px; every link, button and field reached
//     by Tab with a visible focus; at 320 px, with WCAG text spacing, with
//     long unbreakable words and at 200% zoom nothing scrolls sideways,
//     clips or overlaps; text and focus contrast from computed styles,
//     hovered, dark and forced colours; fields, buttons, search matches
//     and registration answers in forced colours; no motion; printed
//     pages; footnotes and their back-links by keyboard; live reload
//     through the development server, also for a page whose event stream
//     connects after the server built again;
//   - audits, printing their figures: axe-core on every page type, in the
//     light and the dark scheme (zero violations), the Nu Html Checker on
//     every generated page (zero errors), Lighthouse on the home, an article, the directory and the
//     search page (each category at least 95, no layout shift).
//
// A test waits for what it checks to be so (waitJS), never for a set time,
// so that it holds on a loaded machine too: BROWSERTEST_CPU_SLOWDOWN=20
// runs every page twenty times slower, to try one there.
//
// Tools come from the machine and from .ci/node_modules (npm ci in .ci/):
// chromium, node and java. A test whose tool is missing is skipped with a
// message saying what to install; with CI=true it fails instead.
package browsertest
