/** One panel per target: its files, each with a copy and a download button, or the problems that stopped it. */
import type { Problem } from '@deputy/policy-model';
import { TARGET_LABELS } from '../targets.js';
import type { TargetResult } from '../target-result.js';
import { h } from './dom.js';
import { copyText, downloadText } from './file-actions.js';
import { problemList } from './problem-list.js';

/** The panels of every target, side by side. */
export function outputPanels(results: readonly TargetResult[], onLocate?: (problem: Problem) => void): HTMLElement[] {
  return results.map((result) => {
    const label = TARGET_LABELS[result.target];
    if (!result.ok) {
      return h('section', { class: 'output', 'data-target': result.target, 'aria-label': label },
        h('header', {}, h('h3', {}, `${label}: not emitted`)),
        problemList(result.problems, onLocate));
    }
    return h('section', { class: 'output', 'data-target': result.target, 'aria-label': label }, ...result.files.flatMap((file) => [
      h('header', {},
        h('h3', {}, `${label} `, h('span', { class: 'file' }, file.path)),
        h('span', { class: 'actions' },
          button(`Copy`, `Copy ${label} (${file.path})`, 'copy', () => void copyText(file.contents, `${label} ${file.path}`)),
          ' ',
          button(`Download`, `Download ${file.path}`, 'download', () => downloadText(file.path, file.contents)))),
      h('pre', { tabindex: 0, 'aria-label': `${label} ${file.path}`, 'data-path': file.path }, h('code', {}, file.contents)),
    ]));
  });
}

function button(text: string, label: string, action: string, onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button', 'aria-label': label, 'data-action': action }, text);
  element.addEventListener('click', onClick);
  return element;
}
