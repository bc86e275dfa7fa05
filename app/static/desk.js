// Tally's report pages: a little plain JavaScript; every page works without it.
// The finding filter applies as soon as a box is ticked (the Apply button stays for keyboards and no-JS).
document.addEventListener("DOMContentLoaded", () => {
  const filter = document.querySelector("form.filter");
  if (filter) {
    filter.addEventListener("change", () => filter.requestSubmit());
  }
});
