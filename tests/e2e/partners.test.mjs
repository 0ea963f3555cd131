// The console's Partners view (www/console/partners.js): staff build a partner's snippet, and
// what they copy works on a partner's page of ANOTHER origin: the widget's Book link names
// the partner (utm_source, utm_medium=partner-widget) and carries no answer; the no-script
// fallback (a plain iframe of the finder's page) shows the finder and tags the link too; a
// wrong partner name is shown beside its field and kept out of the code.
//
// The view runs in the page PAGE names on the finder's origin, under the console's policy.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  UI,
  collectConsole,
  completeQuiz,
  cspViolations,
  engineCase,
  launchBrowser,
  newContext,
  recordRequests,
  serveDist,
  servePages,
  summary,
  summaryText,
  waitForStep,
  watchCsp,
} from './support.mjs';

/** The console's Partners view, on the finder's origin, under the console's policy (support.mjs). */
const PAGE = '/console.html';
const VIEW = '#partners';

const PLAN = engineCase('issue example');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let app;
let partner;
let browser;
/** The partner's pages, by path: each test puts the code it copied there. */
const partnerPages = {};

before(async () => {
  app = await serveDist();
  partner = await servePages(partnerPages);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await partner?.close();
  await app?.close();
});

/**
 * A fresh context that may use the clipboard, with the console page open (`?lang=fr` for the
 * console in French); `fn({ page, context, log })`. Fails on any uncaught error or CSP
 * violation of the console page.
 */
async function withConsole(fn, { query = '', refuseClipboard = false } = {}) {
  const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await watchCsp(context);
    if (refuseClipboard) {
      await context.addInitScript(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
      });
    }
    await recordRequests(context);
    const page = await context.newPage();
    const log = collectConsole(page);
    await page.goto(`${app.url}${PAGE}${query}${VIEW}`);
    await page.locator('#partners-heading').waitFor();
    await fn({ page, context, log });
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
  } finally {
    await context.close();
  }
}

/** Clicks a Copy button and returns what reached the clipboard, after "Copied." is said. */
async function copy(page, button) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** A partner page (another origin) holding `code` as pasted, under a partner's own policy. */
function partnerPage(path, code, csp) {
  partnerPages[path] = {
    html: `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"><title>Salon Bella</title></head>
  <body>
    <h1>Salon Bella</h1>
    <p>Trouvez votre traitement avec notre clinique partenaire :</p>
    ${code}
  </body>
</html>`,
    csp,
  };
  return `${partner.url}${path}`;
}

/** The Book link's address after the visitor answers `PLAN` in `frame`, in French. */
async function bookHref(frame) {
  await waitForStep(frame, 1, 'fr');
  await completeQuiz(frame, PLAN.answers, 'fr');
  assert.equal(await summary(frame), summaryText(PLAN.expect.treatment, 'fr'));
  return frame.getByRole('link', { name: UI.fr.book }).getAttribute('href');
}

/**
 * The Book link leads to the clinic's booking page with the treatment, the language and the
 * partner's tag, and nothing else: no answer.
 */
function assertTagged(href) {
  const url = new URL(href);
  assert.equal(`${url.origin}${url.pathname}`, 'https://booking.example.com/consultation', href);
  assert.deepEqual(
    [...url.searchParams],
    [
      ['treatment', PLAN.expect.treatment],
      ['lang', 'fr'],
      ['utm_source', 'salon-bella'],
      ['utm_medium', 'partner-widget'],
    ],
    href,
  );
  assert.equal(url.hash, '', href);
}

test('French and salon-bella: the two lines copied from the view, on a page of another origin, give a widget whose Book link names the partner and carries no answer', async () => {
  await withConsole(async ({ page }) => {
    await page.getByRole('radio', { name: 'French', exact: true }).check();
    await page.getByRole('textbox', { name: 'Partner name', exact: true }).fill('salon-bella');
    const code = await copy(page, 'Copy the two lines');
    assert.equal(code, await page.getByRole('textbox', { name: 'The two lines to paste', exact: true }).inputValue());
    assert.deepEqual(code.split('\n'), [
      `<script src="${app.url}/embed.js" async></script>`,
      '<treatment-finder lang="fr" partner="salon-bella"></treatment-finder>',
    ]);

    // The live preview has the same settings, and the finder shows in it in French.
    const preview = page.locator('#partners-preview treatment-finder');
    assert.deepEqual(await preview.evaluate((el) => [el.getAttribute('lang'), el.getAttribute('partner')]), ['fr', 'salon-bella']);
    await preview.scrollIntoViewIfNeeded();
    await waitForStep(page.frameLocator('#partners-preview treatment-finder iframe'), 1, 'fr');

    const csp = `default-src 'none'; script-src ${app.url}; frame-src ${app.url}; style-src 'unsafe-inline'`;
    const salon = await page.context().newPage();
    const log = collectConsole(salon);
    await salon.goto(partnerPage('/salon.html', code, csp));
    const iframe = salon.locator('treatment-finder').locator('iframe');
    const src = new URL(await iframe.getAttribute('src'));
    assert.equal(src.searchParams.get('partner'), 'salon-bella');
    assertTagged(await bookHref(salon.frameLocator('treatment-finder iframe')));
    assert.deepEqual(log.errors(), [], 'console errors on the partner page');
    assert.deepEqual(await cspViolations(salon), [], 'CSP violations on the partner page');
  });
});

test('the no-script fallback (a plain iframe and link, no style attribute) shows the finder on a page of another origin that allows no script, and its Book link names the partner', async () => {
  await withConsole(async ({ page }) => {
    await page.getByRole('radio', { name: 'French', exact: true }).check();
    await page.getByRole('textbox', { name: 'Partner name', exact: true }).fill('salon-bella');
    const code = await copy(page, 'Copy the code without scripts');
    const address = `${app.url}/index.html?lang=fr&amp;partner=salon-bella`;
    assert.match(code, new RegExp(`^<iframe src="${address.replaceAll('?', '\\?')}" title="Trouver mon traitement" width="100%" height="\\d+" loading="lazy"></iframe>\n`));
    assert.ok(code.includes(`<a href="${address}">`), code);
    assert.ok(!/\bstyle=|<script/i.test(code), code);

    const salon = await page.context().newPage();
    // The partner's page runs no script at all.
    await salon.goto(partnerPage('/sans-script.html', code, `default-src 'none'; frame-src ${app.url}`));
    const frame = salon.frameLocator('iframe');
    assertTagged(await bookHref(frame));
    const link = salon.getByRole('link', { name: 'Trouvez votre traitement avec l’outil de la clinique' });
    assert.equal(await link.getAttribute('href'), `${app.url}/index.html?lang=fr&partner=salon-bella`);
  });
});

test('a wrong partner name is shown beside its field and left out of the code and the preview; on a widget, it is named on the console and not passed on', async () => {
  await withConsole(async ({ page, log }) => {
    const field = page.getByRole('textbox', { name: 'Partner name', exact: true });
    await field.fill('salon bella!');
    const error = page.locator('#partners-partner-error');
    await error.waitFor();
    assert.match(await error.textContent(), /^“salon bella!” is not a partner name/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await field.getAttribute('aria-describedby'), /\bpartners-partner-error\b/);
    for (const name of ['The two lines to paste', 'Code without scripts']) {
      const code = await page.getByRole('textbox', { name, exact: true }).inputValue();
      assert.ok(!code.includes('partner') && !code.includes('salon'), `${name}: ${code}`);
    }
    assert.equal(await page.locator('#partners-preview treatment-finder').getAttribute('partner'), null);
    // Mended, the error goes and the name is in the code.
    await field.fill('salon_bella-2');
    await error.waitFor({ state: 'hidden' });
    assert.equal(await field.getAttribute('aria-invalid'), null);
    assert.match(await page.getByRole('textbox', { name: 'The two lines to paste', exact: true }).inputValue(), /partner="salon_bella-2"/);
    assert.deepEqual(log.errors(), [], 'console errors on the console page');

    // A wrong `partner` attribute pasted by hand: named on the console, not passed on.
    const csp = `default-src 'none'; script-src ${app.url}; frame-src ${app.url}`;
    const salon = await page.context().newPage();
    const salonLog = collectConsole(salon);
    await salon.goto(
      partnerPage('/bad.html', `<script src="${app.url}/embed.js" async></script>\n<treatment-finder lang="fr" partner="salon bella!"></treatment-finder>`, csp),
    );
    const src = new URL(await salon.locator('treatment-finder').locator('iframe').getAttribute('src'));
    assert.equal(src.searchParams.has('partner'), false, src.href);
    assert.deepEqual(salonLog.errors().filter((e) => e.startsWith('treatment-finder: attribute partner:')).length, 1, JSON.stringify(salonLog.errors()));
    await waitForStep(salon.frameLocator('treatment-finder iframe'), 1, 'fr');
  });
});

for (const lang of ['en', 'fr']) {
  test(`the view (console in ${lang}) is labelled, axe-clean and usable with the keyboard alone; a bad colour is named beside its field`, async () => {
    const words = {
      en: { accent: 'Accent colour', copy: 'Copy the two lines', copied: 'Copied.', french: 'French' },
      fr: { accent: 'Couleur d’accent', copy: 'Copier les deux lignes', copied: 'Copié.', french: 'Français' },
    }[lang];
    await withConsole(
      async ({ page }) => {
        const accent = page.getByRole('textbox', { name: words.accent, exact: true });
        await accent.fill('purple');
        await page.locator('#partners-accent-error').waitFor();
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const failures = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
        assert.ok(!(await page.getByRole('textbox', { name: lang === 'en' ? 'The two lines to paste' : 'Les deux lignes à coller' }).inputValue()).includes('accent'));

        // Keyboard only: the colour mended, French chosen with the arrow keys, then Copy.
        await accent.focus();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('#7a4b94');
        await page.locator('#partners-accent-error').waitFor({ state: 'hidden' });
        await page.getByRole('radio', { checked: true }).focus();
        await page.keyboard.press('ArrowDown');
        assert.equal(await page.getByRole('radio', { name: words.french, exact: true }).isChecked(), true);
        for (let i = 0; i < 12; i++) {
          await page.keyboard.press('Tab');
          if (await page.getByRole('button', { name: words.copy, exact: true }).evaluate((el) => el === document.activeElement)) break;
        }
        await page.keyboard.press('Enter');
        await page.getByRole('status').filter({ hasText: words.copied }).waitFor();
        const code = await page.evaluate(() => navigator.clipboard.readText());
        assert.match(code, /<treatment-finder lang="fr" accent="#7a4b94"><\/treatment-finder>$/);
      },
      { query: lang === 'fr' ? '?lang=fr' : '' },
    );
  });
}

test('where the browser refuses the clipboard, Copy selects the code for the keyboard and says so', async () => {
  await withConsole(
    async ({ page }) => {
      await page.getByRole('textbox', { name: 'Partner name', exact: true }).fill('salon-bella');
      await page.getByRole('button', { name: 'Copy the two lines', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'The code is selected: press Ctrl+C' }).waitFor();
      const selection = await page.evaluate(() => {
        const area = document.activeElement;
        return { label: area.labels[0].textContent, all: area.selectionStart === 0 && area.selectionEnd === area.value.length };
      });
      assert.deepEqual(selection, { label: 'The two lines to paste', all: true });
    },
    { refuseClipboard: true },
  );
});
