/**
 * The playground end to end in headless Chromium, served from a loopback server: each mode's output is
 * compared with what the CLI and the packages produce for the same input, byte for byte; invalid input shows
 * a located error and the page keeps working. Screenshots of each mode and the first-render time are
 * written to test-output/ (git-ignored).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatProblem, loadDefinitionText, DeputyInputError } from '@deputy/policy-model';
import { lintText } from '@deputy/lint';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATE, STARTER_DEFINITION, type PlaygroundState } from '../src/playground-state.js';
import { encodeState } from '../src/share-url.js';
import { browserAvailable, CHROMIUM, ensureSiteBuilt, outputPath, serveSite } from './support/browser.js';
import { deputy, deputyOutput } from './support/cli.js';

const TARGETS = ['json', 'hcl', 'cfn', 'tf-json'] as const;

const WEAKENED_TRUST_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "PersonalizeTrust",
      "Effect": "Allow",
      "Principal": { "Service": "personalize.amazonaws.com" },
      "Action": "sts:AssumeRole",
      "Condition": { "StringLike": { "aws:SourceAccount": "*" } }
    }
  ]
}
`;

const WEAKENED_TERRAFORM = `resource "aws_iam_role" "personalize" {
  name = "personalize-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "personalize.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
`;

const WEAKENED_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PersonalizeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: personalize.amazonaws.com
            Action: sts:AssumeRole
`;

describe.skipIf(!browserAvailable())('playground in headless Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveSite>>;
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    ensureSiteBuilt();
    server = await serveSite();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(state: Partial<PlaygroundState> = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const fragment = encodeState({ ...DEFAULT_STATE, ...state });
    await page.goto(`${server.url}${fragment === '' ? '' : `#${fragment}`}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
    return page;
  }

  async function outputOf(page: Page, panel: string, target: string): Promise<string> {
    return page.locator(`#${panel} section[data-target="${target}"] pre`).first().evaluate((element) => element.textContent ?? '');
  }

  it('renders the first mode in under a second from a local server (best of five cold loads)', async () => {
    const samples: { firstRender: number; domContentLoaded: number }[] = [];
    for (let run = 0; run < 5; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
      samples.push(
        await page.evaluate(() => {
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { firstRender: performance.getEntriesByName('deputy:first-render')[0]!.startTime, domContentLoaded: navigation.domContentLoadedEventEnd };
        }),
      );
      await context.close();
    }
    const best = Math.min(...samples.map((sample) => sample.firstRender));
    writeFileSync(outputPath('first-render.json'), `${JSON.stringify({ best, samples }, null, 2)}\n`);
    console.log(`playground first render: best ${best.toFixed(0)} ms of ${samples.map((sample) => sample.firstRender.toFixed(0)).join(', ')} ms after navigation start`);
    expect(best).toBeLessThan(1000);
  });

  it('snippet mode: the Personalize snippet in every target is byte-identical to deputy snippet', async () => {
    const page = await open({ service: '' });
    await page.getByLabel('Service').fill('Personalize');
    await page.locator('#service-matches button[data-key="personalize"]').click();
    await expect.poll(() => page.locator('#evidence-body').innerText()).toContain('personalize.amazonaws.com');
    for (const target of TARGETS) {
      const cli = deputy(['snippet', '--service', 'personalize', '--account', '111122223333', '--region', 'us-east-1', '--target', target]);
      expect(await outputOf(page, 'snippet-outputs', target), target).toBe(cli);
    }
    await page.screenshot({ path: outputPath('screenshots', 'snippet.png'), fullPage: true });

    await page.getByLabel('Region (or current)').fill('eu-north-1');
    expect(await outputOf(page, 'snippet-outputs', 'json'), 'outputs are redrawn as soon as a field changes').toBe(deputy(['snippet', '--service', 'personalize', '--account', '111122223333', '--region', 'eu-north-1']));

    await page.getByLabel('Account (12 digits, or current)').fill('current');
    await page.getByLabel('Region (or current)').fill('eu-west-1');
    await page.getByLabel('Partition').selectOption('aws');
    await page.getByLabel('Terraform policy style').selectOption('policy-document');
    await page.getByLabel('AWS provider major version').selectOption('5');
    await page.getByLabel('CloudFormation format').selectOption('json');
    await expect.poll(() => outputOf(page, 'snippet-outputs', 'cfn')).toMatch(/^\{/);
    const flags = ['--account', 'current', '--region', 'eu-west-1', '--hcl-style', 'policy-document', '--aws-provider-version', '5', '--cfn-format', 'json'];
    for (const target of ['hcl', 'cfn', 'tf-json'] as const) {
      expect(await outputOf(page, 'snippet-outputs', target), target).toBe(deputy(['snippet', '--service', 'personalize', ...flags, '--target', target]));
    }
    await expect.poll(() => page.locator('#snippet-outputs section[data-target="json"]').innerText()).toContain('not emitted');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await page.locator('#snippet-outputs section[data-target="tf-json"] button[data-action="copy"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await outputOf(page, 'snippet-outputs', 'tf-json'));
    await expect.poll(() => page.locator('#status').innerText()).toContain('Copied');

    const download = page.waitForEvent('download');
    await page.locator('#snippet-outputs section[data-target="hcl"] button[data-action="download"]').click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toBe(await outputOf(page, 'snippet-outputs', 'hcl'));
    await page.close();
  });

  it('snippet mode: a service documenting no key shows the notice deputy snippet prints, and an unknown service a hint', async () => {
    const page = await open({ service: 'guardduty-malware' });
    const stderr = deputyStderr(['snippet', '--service', 'guardduty-malware', '--account', '111122223333', '--region', 'us-east-1']);
    const notices = stderr.split('\n').filter((line) => line.startsWith('notice: ')).map((line) => line.slice('notice: '.length));
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) await expect.poll(() => page.locator('#snippet-notices').innerText()).toContain(notice);
    await page.getByLabel('Service').fill('Amazon Personaliz');
    await page.getByLabel('Service').press('Enter');
    await expect.poll(() => page.getByLabel('Service').inputValue()).toBe('personalize');
    expect(await outputOf(page, 'snippet-outputs', 'json')).toBe(deputy(['snippet', '--service', 'personalize', '--account', '111122223333', '--region', 'us-east-1']));
    await page.getByLabel('Service').fill('sns');
    await page.getByLabel('Service').press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('sns');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('service');

    await page.getByLabel('Service').fill('personalise');
    await expect.poll(() => page.locator('#snippet-problems').innerText()).toContain('unknown service "personalise"');
    await expect.poll(() => page.locator('#snippet-outputs section').count()).toBe(0);
    await page.getByLabel('Service').fill('personalize');
    await expect.poll(() => page.locator('#snippet-outputs section').count()).toBe(4);
    await page.close();
  });

  it('definition mode: outputs update as you type; schema errors are located and the page keeps working', async () => {
    const page = await open({ mode: 'definition' });
    await page.locator('#panel-definition').waitFor({ state: 'visible' });
    const expected = loadDefinitionText(STARTER_DEFINITION, 'definition.yaml');
    expect(expected.roles).toHaveLength(1);
    await expect.poll(() => page.locator('#definition-outputs section').count()).toBe(4);
    await expect.poll(() => page.locator('#definition-verification').innerText()).toContain('SCENARIO');

    const broken = STARTER_DEFINITION.replace('account: "111122223333"', 'account: "12345"').replace('    description:', '    descripton:');
    await page.getByLabel('Definition (YAML or JSON)').fill(broken);
    const problems = expectedProblems(broken, 'definition.yaml');
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) await expect.poll(() => page.locator('#definition-problems').innerText()).toContain(problem);
    const located = page.locator('#definition-problems li[data-line]');
    expect(await located.count()).toBeGreaterThan(0);
    await page.screenshot({ path: outputPath('screenshots', 'definition-error.png'), fullPage: true });

    const line = Number(await located.first().getAttribute('data-line'));
    await located.first().locator('button').click();
    const caretLine = await page.getByLabel('Definition (YAML or JSON)').evaluate((area: HTMLTextAreaElement) => area.value.slice(0, area.selectionStart).split('\n').length);
    expect(caretLine).toBe(line);

    await page.getByLabel('Definition (YAML or JSON)').fill(STARTER_DEFINITION.replace('personalize-s3-access', 'recommendations-reader'));
    await page.waitForSelector('html[data-busy="false"]');
    expect(await outputOf(page, 'definition-outputs', 'hcl'), 'data-busy="false" means the outputs are current').toContain('recommendations-reader');
    await expect.poll(() => page.locator('#definition-problems').innerText()).toBe('');
    await expect.poll(() => outputOf(page, 'definition-outputs', 'hcl')).toContain('recommendations-reader');
    await page.screenshot({ path: outputPath('screenshots', 'definition.png'), fullPage: true });
    await page.close();
  });

  it('lint mode: a pasted weakened policy shows the findings lintText reports, with fix and verification', async () => {
    const page = await open({ mode: 'lint' });
    await page.getByLabel('Text to lint (you can also drop a file here)').fill(WEAKENED_TRUST_POLICY);
    const expected = await lintText(WEAKENED_TRUST_POLICY, 'policy.json', 'json');
    expect(expected.findings.length).toBeGreaterThan(0);
    await expect.poll(() => renderedFindings(page)).toEqual(expected.findings.map(findingKey));
    await expect.poll(() => page.locator('#lint-verification').innerText()).toContain('SCENARIO');
    await page.screenshot({ path: outputPath('screenshots', 'lint.png'), fullPage: true });

    await page.getByLabel('File name').fill('main.tf');
    await page.getByLabel('Text to lint (you can also drop a file here)').fill(WEAKENED_TERRAFORM);
    const terraform = await lintText(WEAKENED_TERRAFORM, 'main.tf', 'terraform');
    expect(terraform.findings.length).toBeGreaterThan(0);
    await expect.poll(() => renderedFindings(page)).toEqual(terraform.findings.map(findingKey));

    await page.getByLabel('File name').fill('policy.json');
    const truncated = '{\n  "Version": "2012-10-17",\n  "Statement": [\n';
    await page.getByLabel('Text to lint (you can also drop a file here)').fill(truncated);
    const syntax = await lintText(truncated, 'policy.json', 'json').then(() => [], (error: unknown) => (error instanceof DeputyInputError ? error.problems : Promise.reject(error)));
    expect(syntax).toHaveLength(1);
    const location = syntax[0]!.location!;
    await expect.poll(() => page.locator('#lint-problems li').count()).toBe(1);
    await expect.poll(() => page.locator('#lint-problems li').first().getAttribute('data-line')).toBe(String(location.line));
    await expect.poll(() => page.locator('#lint-problems').innerText()).toContain(`policy.json:${location.line}:${location.column}`);
    await expect.poll(() => page.locator('#lint-problems').innerText()).toContain(syntax[0]!.message);
    await expect.poll(() => page.locator('#lint-findings article').count()).toBe(0);
    await page.screenshot({ path: outputPath('screenshots', 'lint-error.png'), fullPage: true });

    await page.getByLabel('Text to lint (you can also drop a file here)').fill(WEAKENED_TRUST_POLICY);
    await expect.poll(() => renderedFindings(page)).toEqual(expected.findings.map(findingKey));
    await expect.poll(() => page.locator('#lint-problems').innerText()).toBe('');

    await page.getByLabel('Open a file').setInputFiles({ name: 'stack.yaml', mimeType: 'text/yaml', buffer: Buffer.from(WEAKENED_TEMPLATE) });
    const template = await lintText(WEAKENED_TEMPLATE, 'stack.yaml', 'yaml');
    expect(template.findings.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByLabel('Read as').inputValue()).toBe('yaml');
    await expect.poll(() => renderedFindings(page)).toEqual(template.findings.map(findingKey));

    await page.locator('#lint-text').evaluate((area, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.tf', { type: 'text/plain' }));
      area.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, WEAKENED_TERRAFORM);
    await expect.poll(() => page.getByLabel('File name').inputValue()).toBe('dropped.tf');
    const dropped = await lintText(WEAKENED_TERRAFORM, 'dropped.tf', 'terraform');
    await expect.poll(() => renderedFindings(page)).toEqual(dropped.findings.map(findingKey));
    await page.close();
  });

  it('the URL fragment carries the state, and the tabs work from the keyboard', async () => {
    const page = await open({ service: 'logs', region: 'eu-west-1', style: 'policy-document' });
    await expect.poll(() => page.getByLabel('Service').inputValue()).toBe('logs');
    await expect.poll(() => page.getByLabel('Terraform policy style').inputValue()).toBe('policy-document');
    expect(await outputOf(page, 'snippet-outputs', 'hcl')).toBe(deputy(['snippet', '--service', 'logs', '--account', '111122223333', '--region', 'eu-west-1', '--hcl-style', 'policy-document', '--target', 'hcl']));

    await page.getByLabel('Region (or current)').fill('us-west-2');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#state=/);
    const shared = await page.evaluate(() => location.href);
    const second = await browser.newPage();
    await second.goto(shared);
    await second.waitForSelector('html[data-ready="true"]');
    await expect.poll(() => second.getByLabel('Region (or current)').inputValue()).toBe('us-west-2');
    await second.close();

    const readable = await browser.newPage();
    await readable.goto(`${server.url}#service=sns&region=eu-central-1&format=json`);
    await readable.waitForSelector('html[data-ready="true"]');
    expect(await outputOf(readable, 'snippet-outputs', 'cfn')).toBe(deputy(['snippet', '--service', 'sns', '--account', '111122223333', '--region', 'eu-central-1', '--cfn-format', 'json', '--target', 'cfn']));
    await readable.close();

    await page.locator('#tab-snippet').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#panel-definition').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#tab-definition').evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('End');
    await page.locator('#panel-lint').waitFor({ state: 'visible' });
    await page.keyboard.press('Home');
    await page.locator('#panel-snippet').waitFor({ state: 'visible' });
    await page.close();
  });

  it('labels every visible control in every mode', async () => {
    const page = await open();
    for (const mode of ['snippet', 'definition', 'lint'] as const) {
      await page.locator(`#tab-${mode}`).click();
      await page.locator(`#panel-${mode}`).waitFor({ state: 'visible' });
      const unlabelled = await page.locator('input, select, textarea, button').evaluateAll((elements) =>
        elements
          .filter((element) => (element as HTMLElement).offsetParent !== null)
          .filter((element) => {
            const control = element as HTMLInputElement;
            const named = (control.labels?.length ?? 0) > 0 || control.getAttribute('aria-label') || (element.tagName === 'BUTTON' && element.textContent?.trim());
            return !named;
          })
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect(unlabelled, mode).toEqual([]);
    }
    await page.close();
  });

  it('logged no page error', () => {
    expect(pageErrors).toEqual([]);
  });

  it('made no request beyond the loopback server (and blob: downloads)', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  });
});

function deputyStderr(args: readonly string[]): string {
  return deputyOutput(args).stderr;
}

function expectedProblems(text: string, file: string): string[] {
  try {
    loadDefinitionText(text, file);
  } catch (error) {
    if (error instanceof DeputyInputError) return error.problems.map((problem) => formatProblem(problem).replace(/^error: [^:]+:\d+:\d+: /, ''));
    throw error;
  }
  return [];
}

function findingKey(finding: { ruleId: string; line: number; column: number; message: string }): string {
  return `${finding.ruleId} ${finding.line}:${finding.column} ${finding.message}`;
}

async function renderedFindings(page: Page): Promise<string[]> {
  return page.locator('#lint-findings article').evaluateAll((articles) =>
    articles.map((article) => `${article.getAttribute('data-rule')} ${article.getAttribute('data-line')}:${article.getAttribute('data-column')} ${article.querySelector('.message')?.textContent ?? ''}`),
  );
}
