/** How the plugin's pages write dates, counts and sizes. */
export const formatDate = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export const plural = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

export const formatCount = (n: number | null) => (n === null ? '—' : n.toLocaleString());

export const formatBytes = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
