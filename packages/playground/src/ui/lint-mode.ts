/**
 * Lint mode: paste, open or drop a file; findings with line, explanation and fix; the verification. The
 * linter (and its Terraform parser) is loaded when the mode is first drawn, not before the first render.
 */
import type { Problem } from '@deputy/policy-model';
import { lintKindOfFile } from '../lint-kind.js';
import type { ExplainedFinding } from '../lint-report.js';
import type { LintKind, PlaygroundState } from '../playground-state.js';
import { byId, h, replaceChildren } from './dom.js';
import { focusAt, problemList } from './problem-list.js';
import type { Store } from './store.js';

/** Binds the lint inputs to the store and returns the view that draws the mode; `ready` loads yaml and the validator. */
export function mountLintMode(store: Store, ready: () => Promise<void>): (state: PlaygroundState) => Promise<void> {
  const area = byId<HTMLTextAreaElement>('lint-text');
  const fileName = byId<HTMLInputElement>('lint-file');
  const kind = byId<HTMLSelectElement>('lint-kind');
  area.addEventListener('input', () => store.update({ lintText: area.value }, 200));
  fileName.addEventListener('input', () => {
    const implied = lintKindOfFile(fileName.value);
    store.update({ lintFile: fileName.value, ...(implied ? { lintKind: implied } : {}) }, 200);
  });
  kind.addEventListener('change', () => store.update({ lintKind: kind.value as LintKind }));
  const open = async (file: File): Promise<void> => {
    const text = await file.text();
    store.update({ lintText: text, lintFile: file.name, lintKind: lintKindOfFile(file.name) ?? store.state.lintKind });
  };
  byId<HTMLInputElement>('lint-upload').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void open(file);
  });
  area.addEventListener('dragover', (event) => {
    event.preventDefault();
    area.classList.add('dropping');
  });
  area.addEventListener('dragleave', () => area.classList.remove('dropping'));
  area.addEventListener('drop', (event) => {
    event.preventDefault();
    area.classList.remove('dropping');
    const file = event.dataTransfer?.files[0];
    if (file) void open(file);
  });
  let generation = 0;
  return async (state) => {
    if (area.value !== state.lintText) area.value = state.lintText;
    if (fileName.value !== state.lintFile && document.activeElement !== fileName) fileName.value = state.lintFile;
    kind.value = state.lintKind;
    const run = (generation += 1);
    await ready();
    const { lintReport } = await import('../lint-report.js');
    const report = await lintReport(state);
    if (run !== generation) return;
    const { result } = report;
    const unreadable: Problem[] = [
      ...report.problems,
      ...(result.unreadable ?? []).map((item): Problem => ({
        code: item.code,
        message: item.message,
        hint: item.hint,
        ...(item.line !== undefined ? { location: { file: item.file, line: item.line, column: item.column ?? 1 } } : { file: item.file }),
      })),
    ];
    const count = `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} in ${result.policyCount} polic${result.policyCount === 1 ? 'y' : 'ies'}`;
    byId('lint-summary').textContent = unreadable.length > 0 ? `Could not read ${state.lintFile}` : count;
    area.setAttribute('aria-invalid', unreadable.length > 0 ? 'true' : 'false');
    const locate = (problem: Problem) => problem.location && focusAt(area, problem.location.line, problem.location.column);
    replaceChildren(byId('lint-problems'), ...(unreadable.length > 0 ? [problemList(unreadable, locate)] : []));
    replaceChildren(byId('lint-findings'), ...report.findings.map((finding) => findingView(finding, area)));
    byId('lint-verification').textContent = verificationText(report.verification, unreadable.length > 0, state.lintKind);
  };
}

function verificationText(verification: string | undefined, unreadable: boolean, kind: LintKind): string {
  if (verification !== undefined) return verification;
  if (unreadable) return 'Nothing to verify: the text could not be read.';
  if (kind !== 'json') return 'The scenario table (deputy verify) is shown for an IAM policy JSON document: read as JSON to see it.';
  return 'Nothing to verify: this JSON is not an IAM policy document (no Statement).';
}

function findingView(finding: ExplainedFinding, area: HTMLTextAreaElement): HTMLElement {
  const where = h('button', { type: 'button', title: 'Go to this line in the editor' }, `line ${finding.line}, column ${finding.column}`);
  where.addEventListener('click', () => focusAt(area, finding.line, finding.column));
  return h('article', { class: `finding severity-${finding.severity}`, 'data-rule': finding.ruleId, 'data-line': finding.line, 'data-column': finding.column },
    h('h4', {}, h('span', { class: 'severity' }, finding.severity), ` ${finding.ruleId} ${finding.ruleName} — `, where),
    h('p', { class: 'message' }, finding.message),
    ...(finding.policy || finding.statement ? [h('p', { class: 'help' }, [finding.policy, finding.statement && `statement ${finding.statement}`].filter(Boolean).join(', '))] : []),
    h('details', {}, h('summary', {}, `Why: ${finding.summary}`), h('p', {}, finding.explanation)),
    ...(finding.fix ? [h('p', {}, h('strong', {}, 'Fix: '), finding.fix.description), ...(finding.fix.text ? [h('pre', { tabindex: 0, 'aria-label': 'Suggested fix' }, finding.fix.text)] : [])] : []));
}
