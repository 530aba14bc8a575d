export function greet(name) {
  document.documentElement.dataset.greeted = name;
}
