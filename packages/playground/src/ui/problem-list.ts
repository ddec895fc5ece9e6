/** A list of problems as `file:line:col: message at path (hint)`; a located problem can move the caret there. */
import { formatProblem, type Problem } from '@deputy/policy-model';
import { h } from './dom.js';

/** The list element; `onLocate` makes each located problem a button that jumps to its place. */
export function problemList(problems: readonly Problem[], onLocate?: (problem: Problem) => void): HTMLUListElement {
  return h('ul', { class: 'problem-list' }, ...problems.map((problem) => {
    const text = formatProblem(problem).replace(/^error: /, '');
    if (!problem.location || !onLocate) return h('li', { 'data-code': problem.code }, text);
    const jump = h('button', { type: 'button', title: 'Go to this place in the editor' }, `${problem.location.file}:${problem.location.line}:${problem.location.column}`);
    jump.addEventListener('click', () => onLocate(problem));
    return h('li', { 'data-code': problem.code, 'data-line': problem.location.line, 'data-column': problem.location.column }, jump, text.slice(text.indexOf(': ')));
  }));
}

/** Moves a textarea's caret to a 1-based line and column, and scrolls it into view. */
export function focusAt(area: HTMLTextAreaElement, line: number, column: number): void {
  const lines = area.value.split('\n');
  let offset = 0;
  for (let index = 0; index < line - 1 && index < lines.length; index += 1) offset += lines[index]!.length + 1;
  offset += Math.max(0, column - 1);
  area.focus();
  area.setSelectionRange(offset, offset);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}
