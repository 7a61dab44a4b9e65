/* The case page: the actions post to the API's own endpoints (with the console's header,
   see access/session_cookie.py); the page refreshes its parts when the live stream says
   the case changed (the router's answer to the action, a citizen's message, an
   escalation), and once more a little later for the WhatsApp delivery statuses. */
"use strict";
(function () {
  const root = document.getElementById("kasus");
  if (!root) return;
  const caseId = root.dataset.caseId;
  const PARTS = ["kepala", "tindakan", "linimasa", "pesan-wa"];
  const ANSWERS = {
    202: "Perintah terkirim. Menunggu kasus diperbarui…",
    401: "Sesi berakhir, silakan masuk lagi.",
    403: "Peran Anda tidak boleh melakukan ini.",
    404: "Kasus tidak ditemukan di wilayah Anda.",
    422: "Isian belum lengkap atau petugas tidak melayani wilayah kasus ini.",
    429: "Terlalu banyak permintaan, coba lagi sebentar lagi.",
    503: "Tidak dapat mengirim sekarang, coba lagi."
  };
  let later = null;

  function say(text) {
    const out = document.getElementById("hasil");
    if (out) out.textContent = text;
  }

  function bodyOf(form) {
    const body = {};
    new FormData(form).forEach(function (value, key) {
      const text = String(value).trim();
      if (text) body[key] = text;
    });
    return body;
  }

  async function act(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const response = await fetch("/cases/" + encodeURIComponent(caseId) + "/" + form.dataset.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-Matur-Console": "1" },
        body: JSON.stringify(bodyOf(form))
      });
      say(ANSWERS[response.status] || "Gagal (" + response.status + ").");
      if (response.status === 401) window.location.href = "/console/masuk";
      if (response.status === 202) form.reset();
    } catch (err) {
      say("Tidak terhubung ke server, coba lagi.");
    } finally {
      button.disabled = false;
    }
  }

  function wire() {
    document.querySelectorAll("form[data-action]").forEach(function (form) {
      form.addEventListener("submit", act);
    });
  }

  async function refresh(message) {
    const html = await MaturLive.fetchPage(window.location.pathname);
    if (html === null) return;
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const status = document.getElementById("hasil");
    const said = status ? status.textContent : "";
    PARTS.forEach(function (id) {
      const now = document.getElementById(id);
      const next = fresh.getElementById(id);
      if (now && next) now.replaceWith(document.adoptNode(next));
      else if (now && !next) now.remove();
    });
    wire();
    if (message) say(message); else if (said) say(said);
  }

  function tick() {
    const now = Date.now();
    document.querySelectorAll(".countdown[data-due]").forEach(function (el) {
      el.textContent = MaturLive.countdown(el.dataset.due, now).text;
    });
  }

  wire();
  setInterval(tick, 1000);
  MaturLive.connect(root.dataset.after, function (event) {
    if (event.case_id !== caseId) return;
    refresh("Kasus diperbarui.");
    clearTimeout(later);
    later = setTimeout(function () { refresh(null); }, 3000);
  });
})();
