/** Copy and download of one emitted file, both entirely local (clipboard API, blob URL). */
import { announce } from './dom.js';

/** Copies text to the clipboard, falling back to a hidden textarea where the clipboard API is refused. */
export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.left = '-9999px';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  announce(`Copied ${what} to the clipboard.`);
}

/** Offers text as a file download under its emitted name (the last path segment). */
export function downloadText(path: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = path.split('/').pop() ?? path;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  announce(`Downloaded ${link.download}.`);
}
