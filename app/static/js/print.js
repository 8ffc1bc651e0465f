// The print page's button: a script file, since the page's CSP runs no inline handler.
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
