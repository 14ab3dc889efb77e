// Check-in enhancement: scan the ticket QR with the tablet camera where the browser offers BarcodeDetector (no
// external library). Without it, or without JavaScript, a scan gun or typing into the field works the same.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('[data-exam-checkin]');
  if (!form || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  const button = form.querySelector('[data-exam-scan]');
  const video = form.querySelector('[data-exam-video]');
  const input = form.querySelector('input[name="token"]');
  if (!button || !video || !input) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    let stream;
    try {
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      for (;;) {
        const codes = await detector.detect(video);
        if (codes.length > 0 && codes[0].rawValue) {
          input.value = codes[0].rawValue;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      form.submit();
    } catch {
      input.focus();
    } finally {
      if (stream) for (const track of stream.getTracks()) track.stop();
      video.hidden = true;
    }
  });
});
