/* Sign-in with the one-time code the API sends to the officer's WhatsApp
   (/auth/request-code), exchanged for the session cookie (/auth/session); a dashboard
   signs in with its token (/auth/session/token). */
"use strict";
(function () {
  const ask = document.getElementById("minta-kode");
  const enter = document.getElementById("masukkan-kode");
  const byToken = document.getElementById("masuk-token");
  const status = document.getElementById("pesan");
  let identity = null;

  function say(text) { status.textContent = text; }

  function identityOf(text) {
    const value = text.trim();
    return /^\+?\d{6,20}$/.test(value) ? { wa_id: value.replace(/^\+/, "") } : { officer_id: value };
  }

  async function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    });
  }

  function failure(response) {
    if (response.status === 429) return "Terlalu banyak percobaan. Coba lagi beberapa menit lagi.";
    if (response.status === 401) return "Kode salah atau sudah kedaluwarsa.";
    if (response.status === 422) return "Isian tidak sesuai.";
    return "Tidak berhasil (" + response.status + "). Coba lagi.";
  }

  ask.addEventListener("submit", async function (event) {
    event.preventDefault();
    const field = document.getElementById("identitas");
    if (!field.value.trim()) { say("Isi nomor WhatsApp atau ID petugas."); field.focus(); return; }
    identity = identityOf(field.value);
    const response = await post("/auth/request-code", identity);
    if (response.status !== 202) { say(failure(response)); return; }
    say("Jika nomor terdaftar, kode masuk dikirim lewat WhatsApp. Berlaku 5 menit.");
    ask.hidden = true;
    enter.hidden = false;
    document.getElementById("kode").focus();
  });

  enter.addEventListener("submit", async function (event) {
    event.preventDefault();
    const code = document.getElementById("kode").value.trim();
    if (!/^\d{6}$/.test(code)) { say("Kode terdiri dari 6 angka."); return; }
    const response = await post("/auth/session", Object.assign({ code: code }, identity));
    if (response.ok) { window.location.href = "/console/papan"; return; }
    say(failure(response));
  });

  document.getElementById("ganti").addEventListener("click", function () {
    enter.hidden = true;
    ask.hidden = false;
    say("");
    document.getElementById("identitas").focus();
  });

  byToken.addEventListener("submit", async function (event) {
    event.preventDefault();
    const token = document.getElementById("token").value.trim();
    if (!token) { say("Isi token dasbor."); return; }
    const response = await post("/auth/session/token", { token: token });
    if (response.ok) { window.location.href = "/console/papan"; return; }
    say(response.status === 401 ? "Token tidak berlaku untuk dasbor." : failure(response));
  });
})();
