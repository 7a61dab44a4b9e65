/* The live board: cards change, appear, move between tier columns and leave within a
   moment of the event, in the same order as the server renders them (console/board.py,
   urgency_key): emergencies, overdue, nearest deadline, newest.

   Built to keep up with a busy regency (50 reports a second with a thousand cards on the
   board) on a modest machine:
   - the cases the stream names are asked for together: one /console/papan/kartu request
     for every case that changed meanwhile (up to FETCH_MAX), one request at a time;
   - the fetched cards are placed in the next animation frame, at most PLACE_PER_FRAME a
     frame: each goes straight to its place in its column (which is kept in order, so a
     binary search finds it), cards bound for the same place go in as one
     DocumentFragment, a column is re-sorted only when a countdown makes a card overdue,
     and nothing reads the layout while the board writes;
   - a fresh batch is marked by one class (a plain background, no animation that would
     keep frames coming), taken off the whole batch at once FRESH_MS later;
   - the CSS lets the browser skip the cards off screen (content-visibility). */
"use strict";
(function () {
  const board = document.getElementById("papan");
  if (!board) return;
  const filters = board.dataset.filters || "";
  const FETCH_MAX = 100;  // ids per request (the server's LIVE_BATCH_MAX)
  const COALESCE_MS = 50;  // events this close together share one request
  const RETRY_MS = 2000;
  const PLACE_PER_FRAME = 60;
  const FRESH_MS = 2500;
  const pending = new Set();  // cases the stream named, not asked for yet
  const arrived = [];  // fetched <template>s, oldest first, not placed yet
  const known = new WeakMap();  // card -> facts(card)
  const columns = new Map();  // data-column -> {holder, count, empty}
  let timer = null, fetching = false, frameAsked = false;

  board.querySelectorAll("section.column").forEach(function (section) {
    columns.set(section.dataset.column, {
      holder: section.querySelector(".cards"),
      count: section.querySelector(".count"),
      empty: section.querySelector(".empty"),
    });
  });

  /* What ordering and the countdown need of a card, read once (a changed case comes as a
     new card). */
  function facts(card) {
    let found = known.get(card);
    if (!found) {
      const data = card.dataset;
      found = {
        emergency: data.emergency === "1",
        due: data.due ? Date.parse(data.due) : Infinity,
        opened: Date.parse(data.opened),
        waiting: data.status === "open" || data.status === "awaiting_village",
        countdown: card.querySelector(".countdown"),
        lateBadge: card.querySelector(".b-terlambat"),
      };
      known.set(card, found);
    }
    return found;
  }

  function overdue(card, now) {
    const f = facts(card);
    return f.waiting && f.due <= now;
  }

  function compare(a, b, now) {
    const fa = facts(a), fb = facts(b);
    if (fa.emergency !== fb.emergency) return fa.emergency ? -1 : 1;
    const oa = overdue(a, now), ob = overdue(b, now);
    if (oa !== ob) return oa ? -1 : 1;
    if (fa.due !== fb.due) return fa.due < fb.due ? -1 : 1;
    return fb.opened - fa.opened;
  }

  /* The first index in cards[from..] whose card sorts after `card` (cards in order). */
  function placeFor(cards, card, from, order) {
    let low = from, high = cards.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (order(cards[mid], card) <= 0) low = mid + 1; else high = mid;
    }
    return low;
  }

  /* New cards into an ordered column: each at its place, neighbours as one fragment. */
  function insertInOrder(column, cards, now) {
    const order = function (a, b) { return compare(a, b, now); };
    cards.sort(order);
    const present = Array.from(column.holder.children);
    let at = 0, fragment = null, before = null;
    cards.forEach(function (card) {
      at = placeFor(present, card, at, order);
      const next = present[at] || null;
      if (fragment && next !== before) {
        column.holder.insertBefore(fragment, before);
        fragment = null;
      }
      if (!fragment) { fragment = document.createDocumentFragment(); before = next; }
      fragment.appendChild(card);
    });
    if (fragment) column.holder.insertBefore(fragment, before);
  }

  /* A whole column in order again, moving only the cards out of place. */
  function reorder(column, now) {
    const holder = column.holder;
    const sorted = Array.from(holder.children).sort(function (a, b) {
      return compare(a, b, now);
    });
    sorted.forEach(function (card, i) {
      const there = holder.children[i];
      if (there !== card) holder.insertBefore(card, there);
    });
  }

  function recount(column) {
    const n = column.holder.childElementCount;
    column.count.textContent = String(n);
    column.empty.hidden = n > 0;
  }

  function alertFor(card, caseId) {
    MaturLive.alertEmergency(card.dataset.reference + " · " + card.dataset.category +
      (card.dataset.where ? " · " + card.dataset.where : ""),
      "/console/kasus/" + encodeURIComponent(caseId));
  }

  /* One fetched case: its old card out; its new card (if it is still on this board)
     into `incoming` by column; an alert when it has just become an emergency. */
  function take(template, incoming, touched) {
    const caseId = template.dataset.caseId;
    const old = document.getElementById("kasus-" + caseId);
    if (old) {
      touched.add(columns.get(old.dataset.column));
      old.remove();
    }
    if (template.dataset.gone) return null;
    const card = template.content.firstElementChild;
    const column = columns.get(card.dataset.column);
    if (!column) return null;
    card.classList.add("segar");
    if (!incoming.has(column)) incoming.set(column, []);
    incoming.get(column).push(card);
    touched.add(column);
    if (card.dataset.emergency === "1" && (!old || old.dataset.emergency !== "1")) {
      alertFor(card, caseId);
    }
    return card;
  }

  /* An animation frame's work: up to PLACE_PER_FRAME fetched cases (the latest answer
     for a case that came twice), written to the page in one go. */
  function placeArrived() {
    frameAsked = false;
    const latest = new Map();
    arrived.splice(0, PLACE_PER_FRAME).forEach(function (template) {
      latest.delete(template.dataset.caseId);
      latest.set(template.dataset.caseId, template);
    });
    const now = Date.now();
    const incoming = new Map(), touched = new Set(), placed = [];
    latest.forEach(function (template) {
      const card = take(template, incoming, touched);
      if (card) placed.push(card);
    });
    incoming.forEach(function (cards, column) { insertInOrder(column, cards, now); });
    touched.forEach(recount);
    if (placed.length) {
      setTimeout(function () {
        placed.forEach(function (card) { card.classList.remove("segar"); });
      }, FRESH_MS);
    }
    askFrame();
  }

  function askFrame() {
    if (frameAsked || !arrived.length) return;
    frameAsked = true;
    requestAnimationFrame(placeArrived);
  }

  async function cardsOf(ids) {
    const query = new URLSearchParams(filters);
    ids.forEach(function (id) { query.append("id", id); });
    try {
      return await MaturLive.fetchPage("/console/papan/kartu?" + query.toString());
    } catch (err) {
      return null;
    }
  }

  /* One request for the cases named since the last one; the next starts when it ends. */
  async function fetchChanged() {
    timer = null;
    const ids = Array.from(pending).slice(0, FETCH_MAX);
    if (!ids.length) return;
    ids.forEach(function (id) { pending.delete(id); });
    fetching = true;
    const html = await cardsOf(ids);
    fetching = false;
    if (html === null) {  // not answered (busy, offline): ask again in a moment
      ids.forEach(function (id) { pending.add(id); });
      schedule(RETRY_MS);
      return;
    }
    const holder = document.createElement("div");
    holder.innerHTML = html;
    holder.querySelectorAll("template[data-case-id]").forEach(function (template) {
      arrived.push(template);
    });
    askFrame();
    if (pending.size) schedule(0);
  }

  function schedule(delay) {
    if (timer === null && !fetching) timer = setTimeout(fetchChanged, delay);
  }

  /* Every second: the countdowns; a card that just became overdue is marked and its
     column put in order again. */
  function tick() {
    const now = Date.now();
    columns.forEach(function (column) {
      let moved = false;
      for (const card of column.holder.children) {
        const f = facts(card);
        const shown = MaturLive.countdown(card.dataset.due, now);
        if (f.countdown.textContent !== shown.text) f.countdown.textContent = shown.text;
        const late = overdue(card, now);
        if (late !== card.classList.contains("terlambat")) {
          card.classList.toggle("terlambat", late);
          f.lateBadge.hidden = !late;
          moved = true;
        }
      }
      if (moved) reorder(column, now);
    });
  }

  columns.forEach(function (column) { reorder(column, Date.now()); });
  MaturLive.connect(board.dataset.after, function (event) {
    pending.add(event.case_id);
    schedule(COALESCE_MS);
  });
  setInterval(tick, 1000);
})();
