// When the standalone page is shown in an iframe, tell the parent page how tall
// it is, so the portal can size the frame without a scrollbar:
//
//   window.addEventListener("message", (event) => {
//     if (event.data?.type === "zone-monitor:height") frame.height = event.data.height;
//   });
//
// Only a number is sent, so any origin may receive it.
if (window.parent !== window) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "zone-monitor:height", height }, "*");
    }
  };
  new ResizeObserver(report).observe(document.body);
  window.addEventListener("load", report);
}
