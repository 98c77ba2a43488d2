/**
 * End-to-end test of the staff web against the running stack (web + gateway + services):
 * sign-in errors, registering a participant as an intake worker, the journey phase
 * reaching the participant list, the participant page panels, and the duplicate check
 * (registering the same person again shows them with a score and opens their record). A plain script (not a Jest spec):
 *
 *   node -r ts-node/register/transpile-only apps/staff-web-e2e/src/register-participant.e2e.ts
 *
 * Env: WCM_WEB_URL (default http://127.0.0.1:4200), CHROMIUM_PATH (default /usr/bin/chromium),
 * WCM_E2E_OUTPUT (screenshots; default <repo>/test-output/e2e), WCM_DEMO_PASSWORD.
 * The last line printed is always `e2e: N passed, N failed`; the exit code is 1 on any failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';

const WEB_URL = (process.env.WCM_WEB_URL ?? 'http://127.0.0.1:4200').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = path.resolve(process.env.WCM_E2E_OUTPUT ?? path.join(__dirname, '../../../test-output/e2e'));
const PASSWORD = process.env.WCM_DEMO_PASSWORD ?? 'Waypoint-demo-1';
const USERNAME = 'intake.worker';
/** How long the journey may take to reach the list (workflow → event → projection). */
const PHASE_DEADLINE_MS = 30_000;

interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const results: StepResult[] = [];
let blocked: string | null = null;

/** Runs one named step; once a step that later ones need has failed, the rest are reported as failed too. */
async function step(name: string, fn: () => Promise<void>, options: { required?: boolean } = {}): Promise<boolean> {
  const started = Date.now();
  if (blocked) {
    results.push({ name, ok: false, ms: 0, error: `not run: "${blocked}" failed` });
    console.log(`  ✗ ${name} (not run: "${blocked}" failed)`);
    return false;
  }
  try {
    await fn();
    const ms = Date.now() - started;
    results.push({ name, ok: true, ms });
    console.log(`  ✓ ${name} (${ms} ms)`);
    return true;
  } catch (error) {
    const ms = Date.now() - started;
    const message = error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n    ') : String(error);
    results.push({ name, ok: false, ms, error: message });
    console.log(`  ✗ ${name} (${ms} ms)\n    ${message}`);
    if (options.required) blocked = name;
    return false;
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function screenshot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT_DIR, file), fullPage: true });
}

/**
 * A small accessibility check, run in the page: every form control has an accessible
 * name, every image has alt text, there is exactly one h1, buttons have names, and
 * aria-describedby / aria-labelledby point at elements that exist.
 */
async function checkAccessibility(page: Page, where: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${el.getAttribute('name') ? ` name="${el.getAttribute('name')}"` : ''}>`;
    const nameOf = (el: HTMLElement): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy) {
        const joined = labelledBy
          .split(/\s+/)
          .map((id) => text(document.getElementById(id)))
          .join(' ')
          .trim();
        if (joined) return joined;
      }
      const ariaLabel = el.getAttribute('aria-label')?.trim();
      if (ariaLabel) return ariaLabel;
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length > 0) {
        const joined = Array.from(labels).map(text).join(' ').trim();
        if (joined) return joined;
      }
      return el.getAttribute('title')?.trim() ?? '';
    };
    const visible = (el: HTMLElement) => el.getClientRects().length > 0 || el.getAttribute('type') === 'checkbox';

    document.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea').forEach((el) => {
      if (visible(el) && !nameOf(el)) found.push(`${describe(el)} has no accessible label`);
    });
    document.querySelectorAll<HTMLElement>('button, [role="button"]').forEach((el) => {
      if (visible(el) && !text(el) && !nameOf(el)) found.push(`${describe(el)} is a button without a name`);
    });
    document.querySelectorAll('img').forEach((img) => {
      if (!img.hasAttribute('alt')) found.push(`<img src="${img.getAttribute('src')}"> has no alt attribute`);
    });
    document.querySelectorAll<HTMLElement>('[role="img"], svg[role="img"]').forEach((el) => {
      if (!nameOf(el)) found.push(`${describe(el)} with role=img has no accessible name`);
    });
    const h1s = document.querySelectorAll('h1').length;
    if (h1s !== 1) found.push(`the page has ${h1s} h1 elements (expected exactly 1)`);
    document.querySelectorAll('[aria-describedby], [aria-labelledby]').forEach((el) => {
      for (const attr of ['aria-describedby', 'aria-labelledby']) {
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) found.push(`${describe(el)} ${attr} points at missing #${id}`);
        }
      }
    });
    const ids = new Map<string, number>();
    document.querySelectorAll('[id]').forEach((el) => ids.set(el.id, (ids.get(el.id) ?? 0) + 1));
    ids.forEach((count, id) => {
      if (count > 1) found.push(`id "${id}" is used ${count} times`);
    });
    if (!document.documentElement.lang) found.push('<html> has no lang attribute');
    if (!document.title.trim()) found.push('the page has no title');
    return found;
  });
  assert(problems.length === 0, `accessibility problems on ${where}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
}

function isApi(response: Response, method: string, pathname: string): boolean {
  const url = new URL(response.url());
  return response.request().method() === method && url.pathname === pathname;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const stamp = Date.now().toString(36);
  const firstName = 'Avery';
  // Random letters, not the stamp: surnames from runs a few seconds apart would differ in a
  // letter or two and (rightly) be held as likely duplicates of the same Avery.
  const lastName = Array.from({ length: 10 }, (_, i) => String.fromCharCode((i ? 97 : 65) + Math.floor(Math.random() * 26))).join('');
  const fullName = `${firstName} ${lastName}`;
  let participantId = '';

  console.log(`e2e: staff web ${WEB_URL}, chromium ${CHROMIUM_PATH}, screenshots in ${OUT_DIR}`);
  let browser: Browser | null = null;
  const pageErrors: string[] = [];
  try {
    await step(
      'browser starts',
      async () => {
        assert(fs.existsSync(CHROMIUM_PATH), `no browser at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
        browser = await chromium.launch({
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
      },
      { required: true },
    );

    const context = browser ? await (browser as Browser).newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' }) : null;
    const page = context ? await context.newPage() : (null as unknown as Page);
    if (page) {
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
    }

    await step(
      'sign-in screen loads and is accessible',
      async () => {
        await page.goto(`${WEB_URL}/#/participants`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        await checkAccessibility(page, 'the sign-in screen');
        await screenshot(page, '01-sign-in.png');
      },
      { required: true },
    );

    await step('wrong password shows an error and does not sign in', async () => {
      await page.getByLabel('Username').fill(USERNAME);
      await page.getByLabel('Password').fill('not-the-password');
      const [response] = await Promise.all([
        page.waitForResponse((r) => isApi(r, 'POST', '/api/auth/login')),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      assert(response.status() === 401, `POST /api/auth/login answered ${response.status()}, expected 401`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const message = (await alert.innerText()).trim();
      assert(/sign-in failed/i.test(message) && message.length > 'Sign-in failed'.length, `unexpected alert text: "${message}"`);
      assert((await page.getByRole('button', { name: 'Sign out' }).count()) === 0, 'a Sign out button appeared after a wrong password');
      await screenshot(page, '02-sign-in-error.png');
    });

    await step(
      `${USERNAME} signs in`,
      async () => {
        await page.getByLabel('Username').fill(USERNAME);
        await page.getByLabel('Password').fill(PASSWORD);
        const [response] = await Promise.all([
          page.waitForResponse((r) => isApi(r, 'POST', '/api/auth/login')),
          page.getByRole('button', { name: 'Sign in' }).click(),
        ]);
        assert(response.status() === 200, `POST /api/auth/login answered ${response.status()}, expected 200`);
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        const header = (await page.getByRole('banner').innerText()).replace(/\s+/g, ' ');
        assert(/Intake worker/.test(header), `the header does not show the role: "${header}"`);
        await page.getByRole('heading', { level: 1, name: 'Participants' }).waitFor();
        await page
          .getByRole('table', { name: 'Participants' })
          .or(page.getByText('No participants are registered yet.'))
          .first()
          .waitFor();
        await checkAccessibility(page, 'the participant list');
        await screenshot(page, '03-signed-in.png');
      },
      { required: true },
    );

    await step('register form checks answers in the browser before sending', async () => {
      await page.getByRole('button', { name: 'Register participant' }).click();
      await page.getByRole('form', { name: 'Register participant' }).waitFor();
      await page.waitForURL(/#\/participants\/new$/);
      await checkAccessibility(page, 'the register form');
      let posted = 0;
      const countPosts = (r: Response) => {
        if (isApi(r, 'POST', '/api/participants')) posted++;
      };
      page.on('response', countPosts);
      await page.getByLabel('Date of birth').fill('1890-01-01');
      await page.getByRole('button', { name: 'Save participant' }).click();
      await page.getByText('There are problems with').waitFor();
      const dob = page.getByLabel('Date of birth');
      assert((await dob.getAttribute('aria-invalid')) === 'true', 'date of birth is not marked aria-invalid');
      const describedBy = (await dob.getAttribute('aria-describedby')) ?? '';
      const errorText = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
      assert(/age between 14 and 110/.test(errorText), `date of birth error not tied to the field: "${errorText}"`);
      await checkAccessibility(page, 'the register form with errors');
      await screenshot(page, '04-register-errors.png');
      page.off('response', countPosts);
      assert(posted === 0, `the form sent ${posted} request(s) despite client-side errors`);
    });

    await step(
      'register a participant and land on their page',
      async () => {
        await page.getByLabel('First name').fill(firstName);
        await page.getByLabel('Last name').fill(lastName);
        await page.getByLabel('Date of birth').fill('1990-04-15');
        await page.getByLabel(/^E-mail/).fill(`avery.${stamp}@example.org`);
        await page.getByLabel(/^Phone/).fill('(614) 555-0100');
        await page.getByLabel('Street address').fill('100 Main St');
        await page.getByLabel('City').fill('Columbus');
        await page.getByLabel('State').fill('OH');
        await page.getByLabel('ZIP code').fill('43215');
        const office = page.getByLabel('Office');
        if (!(await office.inputValue())) {
          const firstOffice = await office.locator('option:not([value=""])').first().getAttribute('value');
          assert(firstOffice, 'the office list is empty (GET /api/reference)');
          await office.selectOption(firstOffice);
        }
        const programs = page.getByRole('group', { name: 'Programs of interest' });
        const adult = programs.getByLabel('WIOA Adult');
        await ((await adult.count()) > 0 ? adult : programs.getByRole('checkbox').first()).check();
        await screenshot(page, '05-register-filled.png');

        const [response] = await Promise.all([
          page.waitForResponse((r) => isApi(r, 'POST', '/api/participants')),
          page.getByRole('button', { name: 'Save participant' }).click(),
        ]);
        const body = (await response.json().catch(() => null)) as { id?: string; errors?: unknown } | null;
        assert(response.status() === 201, `POST /api/participants answered ${response.status()}: ${JSON.stringify(body)}`);
        assert(body?.id, 'the 201 answer has no participant id');
        participantId = body.id;
        await page.waitForURL((url) => url.hash === `#/participants/${encodeURIComponent(participantId)}`);
        await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
        await page.getByText(`${fullName} is registered.`).waitFor();
        await checkAccessibility(page, 'the participant page');
        await screenshot(page, '06-participant.png');
      },
      { required: true },
    );

    await step('participant page shows the journey (live phase or "Starting journey…")', async () => {
      const badge = page.getByTestId(`phase-${participantId}`);
      await badge.or(page.getByText('Starting journey…')).first().waitFor();
      // The page polls for up to 15 s while the journey starts.
      await badge.waitFor({ timeout: 20_000 }).catch(() => undefined);
      const phase = (await badge.count()) > 0 ? (await badge.innerText()).trim() : null;
      console.log(`    journey phase on the participant page: ${phase ?? '(not started yet)'}`);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await screenshot(page, '07-participant-journey.png');
    });

    await step(`participant list shows the new participant in phase "intake" (within ${PHASE_DEADLINE_MS / 1000} s)`, async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
      await page.getByRole('heading', { level: 1, name: 'Participants' }).waitFor();
      const badge = page.getByTestId(`phase-${participantId}`);
      const searchForParticipant = async () => {
        const search = page.getByRole('searchbox', { name: 'Search by name' });
        await search.fill(lastName);
        await search.press('Enter');
        await page.getByText(`matching “${lastName}”`).or(page.getByText(/No participants match/)).first().waitFor();
      };
      const deadline = Date.now() + PHASE_DEADLINE_MS;
      let seen = '(no row)';
      await searchForParticipant();
      for (;;) {
        seen = (await badge.count()) > 0 ? (await badge.innerText()).trim() : '(no row)';
        if (seen === 'intake' || Date.now() > deadline) break;
        await page.waitForTimeout(1_500);
        // A fresh page load reads the list again from the gateway's read model.
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { level: 1, name: 'Participants' }).waitFor();
        await searchForParticipant();
      }
      await screenshot(page, 'participants-list.png');
      assert(seen === 'intake', `after ${PHASE_DEADLINE_MS / 1000} s the row shows phase "${seen}", expected "intake"`);
      const row = page.getByRole('table', { name: 'Participants' }).locator(`tr[data-participant-id="${participantId}"]`);
      const rowText = (await row.innerText()).replace(/\s+/g, ' ');
      assert(rowText.includes(`${lastName}, ${firstName}`) && rowText.includes('04/15/1990'), `row text is "${rowText}"`);
      await checkAccessibility(page, 'the participant list with the new row');
    });

    await step('keyboard: Enter on the row opens the participant', async () => {
      const row = page.locator(`tr[data-participant-id="${participantId}"]`);
      await row.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === `#/participants/${encodeURIComponent(participantId)}`);
      await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
      const focused = await page.evaluate(() => document.activeElement?.tagName ?? '');
      assert(focused === 'H1', `focus after opening is on <${focused.toLowerCase()}>, expected the page heading`);
    });

    await step('participant page shows the read-only enrollments, eligibility and assessments panels', async () => {
      for (const name of ['Enrollments', 'Eligibility', 'Assessments']) {
        const panel = page.getByRole('region', { name });
        await panel.waitFor();
        // Loaded (not stuck on loading, not failed): a new person has no enrollment, determination or assessment yet.
        await panel.getByRole('status').waitFor({ state: 'detached' }).catch(() => undefined);
        assert((await panel.getByRole('alert').count()) === 0, `the ${name} panel shows an error: ${await panel.innerText()}`);
      }
      await page.getByText('Not enrolled in any program yet.').waitFor();
      await page.getByText('No eligibility determination yet.').waitFor();
      const rows = page.getByRole('table', { name: 'Assessments' }).locator('tbody tr');
      assert((await rows.count()) >= 3, `the assessments table has ${await rows.count()} rows, expected one per kind`);
      await checkAccessibility(page, 'the participant page with its panels');
      await screenshot(page, '09-participant-panels.png');
    });

    await step('registering the same person again shows the record on file with its score, and opens it', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
      await page.getByRole('heading', { level: 1, name: 'Participants' }).waitFor();
      await page.getByRole('button', { name: 'Register participant' }).click();
      await page.getByRole('form', { name: 'Register participant' }).waitFor();

      // Search before create: the same name and date of birth find the person registered above.
      const [check] = await Promise.all([
        page.waitForResponse((r) => isApi(r, 'POST', '/api/participants/duplicate-check')),
        (async () => {
          await page.getByLabel('First name').fill(firstName);
          await page.getByLabel('Last name').fill(lastName);
          await page.getByLabel('Date of birth').fill('1990-04-15');
        })(),
      ]);
      assert(check.status() === 200, `POST /api/participants/duplicate-check answered ${check.status()}: ${await check.text()}`);
      const inline = page.getByRole('region', { name: 'Already on file?' });
      const candidate = inline.locator(`li[data-candidate-id="${participantId}"]`);
      await candidate.waitFor();
      const score = (await candidate.getByTestId(`match-score-${participantId}`).innerText()).trim();
      const level = (await candidate.getByTestId(`match-level-${participantId}`).innerText()).trim();
      console.log(`    candidate on file: ${fullName}, ${score}, ${level}`);
      assert(/^Score \d{1,3} of 100$/.test(score), `unexpected score text "${score}"`);
      assert(/^(Certain|Likely) match$/.test(level), `same name and date of birth shows "${level}", expected a certain or likely match`);
      assert((await candidate.innerText()).includes('04/15/1990'), 'the candidate does not show the date of birth');
      await checkAccessibility(page, 'the register form with a duplicate candidate');
      await screenshot(page, '10-duplicate-candidate.png');

      // Saving anyway is held back: 409, nothing written, the candidates again with the choice to confirm.
      await page.getByLabel(/^E-mail/).fill(`avery.again.${stamp}@example.org`);
      const programs = page.getByRole('group', { name: 'Programs of interest' });
      await programs.getByRole('checkbox').first().check();
      const office = page.getByLabel('Office');
      if (!(await office.inputValue())) {
        const firstOffice = await office.locator('option:not([value=""])').first().getAttribute('value');
        assert(firstOffice, 'the office list is empty (GET /api/reference)');
        await office.selectOption(firstOffice);
      }
      const [conflict] = await Promise.all([
        page.waitForResponse((r) => isApi(r, 'POST', '/api/participants')),
        page.getByRole('button', { name: 'Save participant' }).click(),
      ]);
      assert(conflict.status() === 409, `saving the same person again answered ${conflict.status()}, expected 409`);
      const summary = page.getByRole('region', { name: 'This person may already be on file' });
      await summary.waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-labelledby') === 'conflict-heading');
      await summary.getByLabel('None of these is the same person').waitFor();
      await checkAccessibility(page, 'the register form after a possible-duplicate 409');
      await screenshot(page, '11-duplicate-conflict.png');

      // LINK: open the existing record instead of creating a second one.
      await summary.locator(`li[data-candidate-id="${participantId}"]`).getByRole('link', { name: /^Open this record/ }).click();
      await page.waitForURL((url) => url.hash === `#/participants/${encodeURIComponent(participantId)}`);
      await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
      await screenshot(page, '12-duplicate-opened.png');
    });

    await step('sign out returns to the sign-in screen', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await page.getByText('You have signed out.').waitFor();
      const stored = await page.evaluate(() => Object.keys(window.sessionStorage).length);
      assert(stored === 0, `sessionStorage still holds ${stored} item(s) after sign-out`);
      await screenshot(page, '08-signed-out.png');
    });

    await step('no uncaught errors in the page', async () => {
      assert(pageErrors.length === 0, `page errors:\n${pageErrors.join('\n')}`);
    });
  } finally {
    if (browser) await (browser as Browser).close().catch(() => undefined);
  }
}

main()
  .catch((error: unknown) => {
    results.push({ name: 'e2e runner', ok: false, ms: 0, error: String(error) });
    console.log(`  ✗ e2e runner crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    process.exitCode = failed > 0 ? 1 : 0;
    console.log(`e2e: ${passed} passed, ${failed} failed`);
  });
