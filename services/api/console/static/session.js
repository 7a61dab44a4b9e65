/* Sign out: the API revokes the session's token and forgets the cookie. */
"use strict";
(function () {
  const button = document.getElementById("keluar");
  if (!button) return;
  button.addEventListener("click", async function () {
    try {
      await fetch("/auth/logout", {
        method: "POST", credentials: "same-origin", headers: { "X-Matur-Console": "1" }
      });
    } finally {
      window.location.href = "/console/masuk";
    }
  });
})();
