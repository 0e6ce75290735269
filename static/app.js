// Progressive enhancements only: every page works without this file.
document.addEventListener("keydown", (e) => {
  const q = document.getElementById("q");
  if (e.key === "/" && q && document.activeElement !== q && !/INPUT|TEXTAREA/.test(document.activeElement.tagName)) {
    e.preventDefault();
    q.focus();
  }
});
document.querySelectorAll("[data-copy]").forEach((link) => {
  link.addEventListener("click", async (e) => {
    if (!navigator.clipboard) return;
    e.preventDefault();
    await navigator.clipboard.writeText(new URL(link.getAttribute("href"), location.href).href);
    link.textContent = "已复制链接";
  });
});
