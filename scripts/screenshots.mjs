// Takes the README screenshots (see scripts/screenshots, which builds first).
//   node scripts/screenshots.mjs OUT_DIR
// Serves dist/ (or $E2E_DIST) on 127.0.0.1 and drives the app like the end-to-end tests.

import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  UI,
  answerAboutYou,
  answerGoals,
  answerHealth,
  appUrl,
  collectConsole,
  engineCase,
  launchBrowser,
  newContext,
  nextButton,
  openApp,
  recordRequests,
  serveDist,
  summaryText,
  waitForStep,
} from '../tests/e2e/support.mjs';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
await mkdir(out, { recursive: true });

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const PLAN = engineCase('issue example').answers; // hydration and scars at 36: both, dated
const CONSULT = engineCase('a pregnancy').answers;

const server = await serveDist();
const browser = await launchBrowser();
const saved = [];

/** The whole page, top to bottom, as OUT_DIR/NAME.png: no focus ring, hover highlight or caret. */
async function picture(page, name) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  saved.push(path);
}
try {
  for (const viewport of SIZES) {
    const context = await newContext(browser, { viewport, deviceScaleFactor: 1 });
    await recordRequests(context); // nothing may leave this machine
    const page = await context.newPage();
    const log = collectConsole(page);

    const shot = (name) => picture(page, `${name}-${viewport.width}`);

    await openApp(page, appUrl(server.url));
    await waitForStep(page, 1);
    await answerGoals(page, PLAN);
    await shot('step1-goals');
    await nextButton(page).click();
    await waitForStep(page, 2);
    await answerAboutYou(page, { ...PLAN, downtime: 'one_or_two_days' });
    await shot('step2-about');
    await nextButton(page).click();
    await waitForStep(page, 3);
    await answerHealth(page, PLAN);
    await shot('step3-health');
    await page.getByRole('button', { name: UI.en.seeResult, exact: true }).click();
    // As the visitor first sees it: on a phone the details are folded under their headings.
    await page.locator('#timeline').waitFor({ state: 'attached' });
    await page.locator('#result-summary').waitFor();
    await shot('result-plan');

    await page.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(page, 3);
    await answerHealth(page, CONSULT);
    await page.getByRole('button', { name: UI.en.seeResult, exact: true }).click();
    await page.getByText(summaryText('consult'), { exact: true }).waitFor();
    await shot('result-consult');

    if (log.pageErrors.length > 0) throw new Error(`errors in the page: ${log.pageErrors.join('\n')}`);
    await context.close();
  }

  // The clinic's console (README "For clinic staff"), one picture per view at a tablet's
  // width: an edited mesotherapy interval and a refused microneedling age, so Change, Check,
  // Try, the sweep and Save show what they do with an edit.
  {
    const context = await newContext(browser, { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
    await recordRequests(context);
    const page = await context.newPage();
    const log = collectConsole(page);
    const shot = (name) => picture(page, `console-${name}-1024`);
    const view = async (name) => {
      await page.locator(`#tab-${name}`).click();
      await page.locator(`#main[data-view="${name}"] h2`).first().waitFor();
    };
    await page.goto(`${server.url}/console.html?lang=en#open`);
    await page.locator('#main[data-view="open"] h2').first().waitFor();
    await page.locator('#status-line').waitFor();
    await shot('open');
    await view('see');
    await shot('see');
    await view('change');
    await page.locator('#f-treatments-mesotherapy-interval_days-min').fill('21');
    await page.locator('#f-settings-microneedling_min_age-value').fill('17');
    await page.waitForFunction(() => document.querySelector('#f-settings-microneedling_min_age-value').getAttribute('aria-invalid') === 'true');
    await shot('change');
    await view('check');
    await shot('check');
    await view('change');
    await page.locator('#f-settings-microneedling_min_age-value').fill('22');
    await view('try');
    await page.getByRole('checkbox', { name: 'Dull skin, lack of radiance', exact: true }).check();
    await page.locator('#try-age').fill('25');
    await page.locator('#try-edited [data-treatment="mesotherapy"]').waitFor();
    await shot('try');
    await view('sweep');
    await page.locator('#sweep-run').click();
    await page.locator('#sweep-count').waitFor({ timeout: 600_000 });
    await shot('sweep');
    await view('save');
    await shot('save');
    await view('partners');
    await page.locator('#partners-heading').waitFor();
    await page.locator('#partners-partner').fill('salon-bella');
    await page.locator('#partners-preview treatment-finder').scrollIntoViewIfNeeded();
    await waitForStep(page.frameLocator('#partners-preview treatment-finder iframe'), 1);
    await shot('partners');
    if (log.pageErrors.length > 0) throw new Error(`errors in the console: ${log.pageErrors.join('\n')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const path of saved) console.log(path);
