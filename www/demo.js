// The demo portal's own script: sizes the iframe from the height the widget's
// page reports (see frame.js).
const frame = document.getElementById("frame");
window.addEventListener("message", (event) => {
  if (event.source === frame.contentWindow && event.data?.type === "zone-monitor:height") {
    frame.height = String(event.data.height);
  }
});
