/* The console's live link: the API's server-sent event stream (same origin, the session
   cookie goes with it), the connection indicator, and the emergency alert (banner, and a
   tone when the officer switched sound on). Used by board.js, counts.js and case.js. */
"use strict";
window.MaturLive = (function () {
  let audio = null;

  function indicator(state, text) {
    const el = document.getElementById("langsung");
    if (!el) return;
    el.dataset.state = state;
    el.textContent = text;
  }

  /* Calls onEvent(data) for every case event after `after` (the projection sequence the
     page was rendered at), so that nothing between the render and the connection is
     missed; EventSource resumes with Last-Event-ID by itself after a drop. */
  function connect(after, onEvent) {
    const url = "/events/stream" + (after ? "?after=" + encodeURIComponent(after) : "");
    const source = new EventSource(url);
    source.addEventListener("open", function () { indicator("langsung", "Langsung"); });
    source.addEventListener("error", function () {
      indicator("terputus", "Terputus, menyambung ulang…");
    });
    source.addEventListener("case", function (message) {
      try { onEvent(JSON.parse(message.data)); } catch (err) { console.error(err); }
    });
    return source;
  }

  function tone() {
    const box = document.getElementById("bunyi");
    if (!box || !box.checked) return;
    try {
      audio = audio || new AudioContext();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "square";
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.frequency.setValueAtTime(660, audio.currentTime + 0.25);
      osc.stop(audio.currentTime + 0.6);
    } catch (err) { console.error(err); }
  }

  /* A banner (role=alert, read out by screen readers) for an emergency report. */
  function alertEmergency(text, href) {
    const banner = document.getElementById("peringatan");
    if (!banner) return;
    const line = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = "DARURAT: ";
    line.appendChild(strong);
    if (href) {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = text;
      line.appendChild(link);
    } else {
      line.appendChild(document.createTextNode(text));
    }
    const close = document.createElement("button");
    close.type = "button";
    close.className = "link";
    close.textContent = "Tutup";
    close.addEventListener("click", function () {
      line.remove();
      if (!banner.children.length) banner.hidden = true;
    });
    line.appendChild(close);
    banner.prepend(line);
    banner.hidden = false;
    tone();
  }

  function wireSound() {
    const box = document.getElementById("bunyi");
    if (!box) return;
    box.checked = localStorage.getItem("matur-bunyi") === "1";
    box.addEventListener("change", function () {
      localStorage.setItem("matur-bunyi", box.checked ? "1" : "0");
      if (box.checked) { audio = audio || new AudioContext(); }
    });
  }

  /* `Sisa 01:23:45` before the deadline, `Lewat 00:05:12` after it (the server writes
     the same at render: console/clock.py, countdown_text). */
  function countdown(dueIso, now) {
    if (!dueIso) return { text: "Tanpa batas waktu", past: false };
    const left = Math.trunc((Date.parse(dueIso) - now) / 1000);
    const abs = Math.abs(left);
    const pad = function (n) { return String(n).padStart(2, "0"); };
    const text = (left >= 0 ? "Sisa " : "Lewat ") + pad(Math.floor(abs / 3600)) + ":" +
      pad(Math.floor((abs % 3600) / 60)) + ":" + pad(abs % 60);
    return { text: text, past: left < 0 };
  }

  /* A fetch of one of our pages; a lost session sends the browser to the sign-in page. */
  async function fetchPage(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (response.redirected && new URL(response.url).pathname === "/console/masuk") {
      window.location.href = "/console/masuk";
      return null;
    }
    return response.ok ? response.text() : null;
  }

  document.addEventListener("DOMContentLoaded", wireSound);
  return { connect: connect, alertEmergency: alertEmergency, countdown: countdown,
           fetchPage: fetchPage };
})();
