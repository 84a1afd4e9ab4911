// Save text or bytes as a file through a blob: URL (no server involved, nothing leaves the page).
export function downloadBlob(name: string, data: BlobPart, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe slug of a label: "Brown skip-gram (epoch 2)" -> "brown-skip-gram-epoch-2". */
export function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'vectors';
}
