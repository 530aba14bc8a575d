// Loaded before the page is drawn: marks the page as having JavaScript, so
// that controls which only work with it (the directory's filters, the
// registration check's form) are laid out from the first paint instead of
// appearing later and moving the page.
document.documentElement.classList.add("js");
