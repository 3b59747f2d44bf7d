// Article page: hovering a highlighted passage lights up every piece of its statement(s);
// clicking it opens a popover with the statement's card (speaker link, act, target, time, ...);
// a #statement-ID in the URL selects that statement.
"use strict";

// Search form: leave empty filters out of the URL, so result links stay short and shareable.
(function () {
  const filters = document.querySelector("form.filters");
  if (!filters) return;
  filters.addEventListener("submit", () => {
    for (const field of filters.querySelectorAll("input, select")) {
      if (!field.value) field.disabled = true;
    }
  });
})();

(function () {
  const text = document.getElementById("article-text");
  const popover = document.getElementById("popover");
  if (!text || !popover) return;

  const idsOf = (element) => (element.dataset.statements || element.dataset.statement || "").split(" ").filter(Boolean);
  const piecesOf = (id) => text.querySelectorAll(".hl[data-statements~='" + CSS.escape(id) + "']");

  function setActive(ids, on) {
    for (const id of ids) for (const piece of piecesOf(id)) piece.classList.toggle("active", on);
  }

  function select(ids) {
    for (const card of document.querySelectorAll(".card.selected")) card.classList.remove("selected");
    for (const id of ids) {
      const card = document.getElementById("statement-" + id);
      if (card) card.classList.add("selected");
    }
  }

  function showPopover(ids, anchor) {
    popover.replaceChildren();
    for (const id of ids) {
      const card = document.getElementById("statement-" + id);
      if (!card) continue;
      const copy = card.cloneNode(true);  // our own server-rendered, escaped markup
      copy.removeAttribute("id");
      popover.appendChild(copy);
    }
    const box = anchor.getBoundingClientRect();
    popover.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - 460)) + "px";
    popover.style.top = (window.scrollY + box.bottom + 6) + "px";
    popover.hidden = false;
  }

  text.addEventListener("mouseover", (event) => {
    const piece = event.target.closest(".hl");
    if (piece) setActive(idsOf(piece), true);
  });
  text.addEventListener("mouseout", (event) => {
    const piece = event.target.closest(".hl");
    if (piece) setActive(idsOf(piece), false);
  });
  text.addEventListener("click", (event) => {
    const piece = event.target.closest(".hl");
    if (!piece) return;
    const ids = idsOf(piece);
    select(ids);
    showPopover(ids, piece);
    event.stopPropagation();
  });
  for (const card of document.querySelectorAll(".statements .card")) {
    card.addEventListener("mouseenter", () => setActive(idsOf(card), true));
    card.addEventListener("mouseleave", () => setActive(idsOf(card), false));
  }
  document.addEventListener("click", (event) => {
    if (!popover.hidden && !popover.contains(event.target)) popover.hidden = true;
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") popover.hidden = true;
  });

  // A link to #statement-s3 (from search results or a speaker's timeline) selects that statement.
  function selectFromHash() {
    const linked = /^#statement-(.+)$/.exec(window.location.hash);
    if (!linked) return;
    const id = decodeURIComponent(linked[1]);
    for (const piece of text.querySelectorAll(".hl.active")) piece.classList.remove("active");
    select([id]);
    setActive([id], true);
    const first = piecesOf(id)[0];
    if (first) first.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", selectFromHash);
  selectFromHash();
})();
