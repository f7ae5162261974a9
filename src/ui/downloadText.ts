/**
 * Save a Blob as a file through a temporary object URL and a download link: everything stays on
 * the device (no upload, no server round trip), and the URL is revoked once the click is handled.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium starts the download synchronously on click, but give it a tick before revoking.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Save text as a file (see downloadBlob). */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  downloadBlob(new Blob([text], { type: mimeType }), fileName);
}
