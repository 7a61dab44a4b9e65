/* The dashboard's counts, refreshed (at most once a second) when the live stream says a
   case changed; an emergency report raises the alert with its district only. */
"use strict";
(function () {
  const holder = document.getElementById("jumlah");
  if (!holder) return;
  let timer = null;

  async function refresh() {
    timer = null;
    const html = await MaturLive.fetchPage("/console/papan/jumlah?" + (holder.dataset.filters || ""));
    if (html !== null) holder.innerHTML = html;
  }

  MaturLive.connect(holder.dataset.after, function (event) {
    if (event.kind === "opened" && event.case && event.case.emergency) {
      const district = event.case.district_name ? "Kec. " + event.case.district_name
        : "kecamatan belum diketahui";
      MaturLive.alertEmergency("laporan baru, " + district, null);
    }
    if (!timer) timer = setTimeout(refresh, 300);
  });
})();
