/* The live board: cards change, appear, move between tier columns and leave within a
   moment of the event, in the same order as the server renders them (console/board.py,
   urgency_key): emergencies, overdue, nearest deadline, newest. */
"use strict";
(function () {
  const board = document.getElementById("papan");
  if (!board) return;
  const filters = board.dataset.filters || "";
  const pending = new Set();
  let timer = null;

  function overdue(card, now) {
    const due = card.dataset.due;
    const waiting = card.dataset.status === "open" || card.dataset.status === "awaiting_village";
    return Boolean(due) && waiting && Date.parse(due) <= now;
  }

  function compare(a, b, now) {
    const ea = a.dataset.emergency === "1" ? 0 : 1, eb = b.dataset.emergency === "1" ? 0 : 1;
    if (ea !== eb) return ea - eb;
    const oa = overdue(a, now) ? 0 : 1, ob = overdue(b, now) ? 0 : 1;
    if (oa !== ob) return oa - ob;
    const da = a.dataset.due ? Date.parse(a.dataset.due) : Infinity;
    const db = b.dataset.due ? Date.parse(b.dataset.due) : Infinity;
    if (da !== db) return da < db ? -1 : 1;
    return Date.parse(b.dataset.opened) - Date.parse(a.dataset.opened);
  }

  function tidy(section) {
    const holder = section.querySelector(".cards");
    const now = Date.now();
    const cards = Array.from(holder.children);
    cards.sort(function (a, b) { return compare(a, b, now); });
    cards.forEach(function (card) { holder.appendChild(card); });
    section.querySelector(".count").textContent = String(cards.length);
    section.querySelector(".empty").hidden = cards.length > 0;
  }

  function column(name) {
    return board.querySelector('section.column[data-column="' + name + '"]');
  }

  function place(template) {
    const caseId = template.dataset.caseId;
    const old = document.getElementById("kasus-" + caseId);
    const touched = new Set();
    if (old) { touched.add(old.closest("section.column")); old.remove(); }
    if (!template.dataset.gone) {
      const card = template.content.firstElementChild;
      const section = column(card.dataset.column);
      if (section) {
        card.classList.add("segar");
        section.querySelector(".cards").appendChild(card);
        touched.add(section);
        const newlyUrgent = card.dataset.emergency === "1" &&
          (!old || old.dataset.emergency !== "1");
        if (newlyUrgent) {
          MaturLive.alertEmergency(card.dataset.reference + " · " + card.dataset.category +
            (card.dataset.where ? " · " + card.dataset.where : ""),
            "/console/kasus/" + encodeURIComponent(caseId));
        }
      }
    }
    touched.forEach(tidy);
  }

  async function flush() {
    timer = null;
    const ids = Array.from(pending).slice(0, 100);
    ids.forEach(function (id) { pending.delete(id); });
    if (pending.size) schedule();
    const query = new URLSearchParams(filters);
    ids.forEach(function (id) { query.append("id", id); });
    let html = null;
    try {
      html = await MaturLive.fetchPage("/console/papan/kartu?" + query.toString());
    } catch (err) {
      html = null;
    }
    if (html === null) {  // not answered (busy, offline): ask again in a moment
      ids.forEach(function (id) { pending.add(id); });
      setTimeout(schedule, 2000);
      return;
    }
    const holder = document.createElement("div");
    holder.innerHTML = html;
    holder.querySelectorAll("template[data-case-id]").forEach(place);
  }

  function schedule() { if (!timer) timer = setTimeout(flush, 100); }

  function tick() {
    const now = Date.now();
    const reorder = new Set();
    board.querySelectorAll("article.card").forEach(function (card) {
      const shown = MaturLive.countdown(card.dataset.due, now);
      const el = card.querySelector(".countdown");
      if (el.textContent !== shown.text) el.textContent = shown.text;
      const late = overdue(card, now);
      if (late !== card.classList.contains("terlambat")) {
        card.classList.toggle("terlambat", late);
        card.querySelector(".b-terlambat").hidden = !late;
        reorder.add(card.closest("section.column"));
      }
    });
    reorder.forEach(tidy);
  }

  MaturLive.connect(board.dataset.after, function (event) {
    pending.add(event.case_id);
    schedule();
  });
  setInterval(tick, 1000);
})();
