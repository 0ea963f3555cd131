// The partner widget loads only when the visitor comes near it (www/embed.js,
// docs/embedding.md "When the finder loads"): a partner page whose widget is far below its
// own content downloads nothing of the finder but embed.js until the visitor scrolls within
// about one screen of it. Partner pages on another origin (a second loopback port), as in
// widget.test.mjs. The viewport is 1280 × 800 (newContext), so "one screen" is 800 px.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  UI,
  answerGoals,
  collectConsole,
  launchBrowser,
  newContext,
  nextButton,
  serveDist,
  servePages,
  waitForStep,
} from './support.mjs';

let app;
let partner;
let browser;

const SCREEN = 800;
/** The partner's own content above a far widget: four screens of it. */
const ABOVE = 4 * SCREEN;

function page(body, title = 'Spa Belle Peau') {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${title}</title>
    <style>body { margin: 0; font: 18px/1.5 serif; } .article { height: ${ABOVE}px; }</style>
    <script src="${app.url}/embed.js" async></script>
  </head>
  <body>
    ${body}
  </body>
</html>`;
}

const article = (id = 'article') => `<div class="article" id="${id}"><h1>Spa Belle Peau</h1><p>Our treatments, our team, our prices.</p></div>`;

before(async () => {
  app = await serveDist();
  partner = await servePages(
    {
      // The widget after four screens of the partner's own content.
      '/far.html': page(`${article()}<treatment-finder id="far" lang="en"></treatment-finder><p>Footer</p>`),
      // The widget first on the page, in view when it opens.
      '/top.html': page('<treatment-finder id="top" lang="en"></treatment-finder><p>Footer</p>'),
      // A widget the page hides (a closed tab, say) where it would be in view.
      '/hidden.html': page('<treatment-finder id="tab" lang="en" hidden></treatment-finder><p>Footer</p>'),
      // Three widgets: one in view, two far below, four screens apart.
      '/three.html': page(
        `<treatment-finder id="one" lang="en"></treatment-finder>${article('a')}` +
          `<treatment-finder id="two" lang="fr"></treatment-finder>${article('b')}` +
          '<treatment-finder id="three" lang="en"></treatment-finder><p>Footer</p>',
      ),
    },
    { csp: `default-src 'none'; script-src ${app.url}; frame-src ${app.url}; style-src 'unsafe-inline'` },
  );
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await partner?.close();
  await app?.close();
});

/** In the top page: the `treatment-finder:ready` events, by element id, and what was there at `load`. */
function recordPage() {
  if (window !== window.top) return;
  window.__ready = [];
  document.addEventListener('treatment-finder:ready', (e) => window.__ready.push(e.target.id));
  // At the load event, before anything the page's idle time may start: which widgets had an
  // iframe (every file of the finder but embed.js is loaded by it).
  addEventListener('load', () => {
    window.__atLoad = {
      iframes: [...document.querySelectorAll('treatment-finder')].filter((el) => el.shadowRoot?.querySelector('iframe')).map((el) => el.id),
    };
  });
}

async function withPage(path, fn, { noIntersectionObserver = false } = {}) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(recordPage);
    if (noIntersectionObserver) {
      await context.addInitScript(() => {
        if (window === window.top) delete window.IntersectionObserver;
      });
    }
    const page = await context.newPage();
    const log = collectConsole(page);
    const asked = app.requests().length;
    await page.goto(`${partner.url}${path}`);
    await page.waitForFunction(() => window.__atLoad !== undefined);
    await fn({ page, finderRequests: () => app.requests().slice(asked) });
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
    assert.deepEqual(log.errors(), [], 'console errors');
  } finally {
    await context.close();
  }
}

/**
 * Resolves once the page has laid out and delivered intersection reports after whatever was
 * done before (a scroll, a change), to `{ near, iframe }` for the widget `id`: `near` is
 * whether it is within one screen of the viewport, by an observer of the test's own made
 * now (reports to all observers are delivered in one task, embed.js's first as it was made
 * first); `iframe` whether the widget has its iframe by then.
 */
function settle(page, id) {
  return page.evaluate(
    (id) =>
      new Promise((resolve) => {
        const el = document.getElementById(id);
        const observer = new IntersectionObserver(
          ([entry]) => {
            observer.disconnect();
            resolve({ near: entry.isIntersecting, iframe: !!el.shadowRoot?.querySelector('iframe') });
          },
          { rootMargin: '100%' },
        );
        observer.observe(el);
      }),
    id,
  );
}

/** Scrolls so that the top of widget `id` is `screens` screens below the bottom of the viewport. */
function scrollToBelow(page, id, screens) {
  return page.evaluate(
    ([id, screens, screen]) => {
      const top = document.getElementById(id).getBoundingClientRect().top + scrollY;
      scrollTo(0, Math.max(0, top - innerHeight - screens * screen));
    },
    [id, screens, SCREEN],
  );
}

const isReady = (page, id) => page.waitForFunction((id) => window.__ready.includes(id), id);

/** The finder's documents asked of its server (`/?…&embed=…`), one per widget iframe opened. */
const finderLoads = (requests) => requests.filter((url) => url.startsWith('/?'));

test('a widget four screens below the fold downloads nothing but embed.js until the visitor scrolls within a screen of it; then it loads, before it is in view, and works', async () => {
  await withPage('/far.html', async ({ page, finderRequests }) => {
    assert.deepEqual((await settle(page, 'far')).iframe, false, 'no iframe after the page loaded');
    assert.deepEqual(finderRequests(), ['/embed.js'], "what the partner page asked of the finder's server");
    assert.equal(
      await page.locator('#far').evaluate((el) => el.getBoundingClientRect().height),
      600,
      "the widget's box keeps the iframe's first height, so the page does not move when it loads",
    );

    await scrollToBelow(page, 'far', 1.5);
    assert.deepEqual(await settle(page, 'far'), { near: false, iframe: false }, 'one and a half screens away');
    assert.deepEqual(finderRequests(), ['/embed.js'], 'still only embed.js');

    await scrollToBelow(page, 'far', 0.5);
    await isReady(page, 'far');
    assert.ok(
      (await page.locator('#far').evaluate((el) => el.getBoundingClientRect().top)) >= (await page.evaluate(() => innerHeight)),
      'it loaded while still below the viewport',
    );
    assert.equal(finderLoads(finderRequests()).length, 1, 'the finder loaded once');

    await page.locator('#far').scrollIntoViewIfNeeded();
    const finder = page.frameLocator('#far iframe');
    await answerGoals(finder, { goals: ['hydration'] });
    await nextButton(finder).click();
    await waitForStep(finder, 2);
  });
});

test('a widget in view when the page opens loads at once, without any scroll', async () => {
  await withPage('/top.html', async ({ page, finderRequests }) => {
    await isReady(page, 'top');
    assert.equal(await page.evaluate(() => scrollY), 0, 'the page was not scrolled');
    assert.equal(finderLoads(finderRequests()).length, 1);
    const finder = page.frameLocator('#top iframe');
    await finder.getByRole('heading', { level: 1, name: UI.en.title }).waitFor();
  });
});

test('a hidden widget loads nothing during the page load; shown, it loads and works', async () => {
  await withPage('/hidden.html', async ({ page }) => {
    const atLoad = await page.evaluate(() => window.__atLoad);
    assert.deepEqual(atLoad, { iframes: [] }, "no iframe at the partner page's load event");
    await page.locator('#tab').evaluate((el) => {
      el.hidden = false;
    });
    await isReady(page, 'tab');
    const finder = page.frameLocator('#tab iframe');
    await answerGoals(finder, { goals: ['scars'] });
    await nextButton(finder).click();
    await waitForStep(finder, 2);
  });
});

test('of three widgets, only the one in view loads with the page; each other loads when the visitor comes near it', async () => {
  await withPage('/three.html', async ({ page, finderRequests }) => {
    await isReady(page, 'one');
    assert.deepEqual(await settle(page, 'two'), { near: false, iframe: false }, 'the second');
    assert.equal((await settle(page, 'three')).iframe, false, 'the third');
    assert.equal(finderLoads(finderRequests()).length, 1);

    await scrollToBelow(page, 'two', 0.5);
    await isReady(page, 'two');
    assert.equal((await settle(page, 'three')).iframe, false, 'the third, still far');
    assert.equal(finderLoads(finderRequests()).length, 2);
    await page.locator('#two').scrollIntoViewIfNeeded();
    await page.frameLocator('#two iframe').getByRole('heading', { level: 1, name: UI.fr.title }).waitFor();

    await scrollToBelow(page, 'three', 0);
    await isReady(page, 'three');
    assert.equal(finderLoads(finderRequests()).length, 3);
    assert.deepEqual(await page.evaluate(() => window.__ready), ['one', 'two', 'three']);
  });
});

test('a widget removed before the visitor came near it never loads, not even when they scroll past where it was; put back near them, it loads', async () => {
  await withPage('/far.html', async ({ page, finderRequests }) => {
    assert.equal((await settle(page, 'far')).iframe, false);
    const kept = await page.evaluateHandle(() => {
      const el = document.getElementById('far');
      el.remove();
      return el;
    });
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await settle(page, 'article');
    assert.deepEqual(finderRequests(), ['/embed.js'], "nothing more asked of the finder's server");

    await kept.evaluate((el) => document.body.prepend(el));
    await page.evaluate(() => scrollTo(0, 0));
    await isReady(page, 'far');
    assert.equal(finderLoads(finderRequests()).length, 1);
  });
});

test('in a browser without IntersectionObserver, a widget far below the fold loads at once', async () => {
  await withPage(
    '/far.html',
    async ({ page }) => {
      await isReady(page, 'far');
      assert.equal(await page.evaluate(() => scrollY), 0, 'the page was not scrolled');
    },
    { noIntersectionObserver: true },
  );
});
