/** Hands a downloaded file to the browser as a saved file named `fileName`. */
export const saveBlob = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/** The file name a Content-Disposition header gives, else the fallback. */
export const fileNameOf = (headers: Headers | undefined, fallback: string) =>
  headers?.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
