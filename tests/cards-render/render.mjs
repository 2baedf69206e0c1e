// Renders every SalesCoach card with Microsoft's Adaptive Cards JS renderer in headless Chromium
// and checks what a person would: it renders without errors, shows the expected texts and
// buttons, and a click sends the expected action (Action.Execute on Teams, Action.Submit on Web
// Chat) with the expected data. The cards and what to expect of them come from the .NET card
// gallery (tests/SalesCoach.Bot.Tests, CardGalleryTests.Dump_*), which writes cards.json.
//
//   node render.mjs [cardsDir] [--screenshots outDir] [--counts file]
//
// cardsDir defaults to $SALESCOACH_CARDS_DIR, else the Release test output. --screenshots saves a
// PNG of each card the gallery marks for docs/cards. --counts writes "passed failed" to a file.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostConfig } from './host-config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const screenshotsDir = option('--screenshots');
const countsFile = option('--counts');
const cardsDir = path.resolve(args[0] ?? process.env.SALESCOACH_CARDS_DIR
  ?? path.join(here, '../SalesCoach.Bot.Tests/bin/Release/net10.0/cards'));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const manifest = JSON.parse(fs.readFileSync(path.join(cardsDir, 'cards.json'), 'utf8'));
if (screenshotsDir) fs.mkdirSync(screenshotsDir, { recursive: true });

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cards-render-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 480, height: 900 },
  deviceScaleFactor: 1,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

let passed = 0;
let failed = 0;
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(5000);
  // Nothing leaves the machine: the page is built from local files only.
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });

  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 16px; background: #f5f5f5; font-family: "Segoe UI", "DejaVu Sans", sans-serif; }
      #host { width: 440px; background: #fff; border: 1px solid #e1dfdd; border-radius: 6px; overflow: hidden; }
    </style></head><body><div id="host"></div></body></html>`);
  await page.addStyleTag({ path: path.join(here, 'node_modules/adaptivecards/dist/adaptivecards.css') });
  // The show-card chevron uses an icon font Chromium does not have here: draw it with text.
  await page.addStyleTag({ content: `.ac-pushButton.expandable:after { font-family: inherit; font-size: 11px; content: " ▾"; }
    .ac-pushButton.expandable.expanded:after { content: " ▴"; }
    .ac-textBlock ul, .ac-textBlock ol { box-sizing: border-box; padding-left: 20px; }
    .ac-textBlock p { margin: 0 0 6px; } .ac-textBlock p:last-child { margin-bottom: 0; }` });
  await page.addScriptTag({ path: path.join(here, 'node_modules/markdown-it/dist/browser/markdown-it.umd.min.js') });
  await page.addScriptTag({ path: path.join(here, 'node_modules/adaptivecards/dist/adaptivecards.min.js') });
  await page.evaluate((config) => {
    const md = window.markdownit({ html: false, linkify: false });
    const AC = window.AdaptiveCards;
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = md.render(text);
      result.didProcess = true;
    };
    window.renderCard = (payload) => {
      const host = document.getElementById('host');
      host.innerHTML = '';
      window.executed = [];
      const card = new AC.AdaptiveCard();
      card.hostConfig = new AC.HostConfig(config);
      const problems = [];
      const serialization = new AC.SerializationContext();
      card.parse(payload, serialization);
      for (let i = 0; i < serialization.eventCount; i++) {
        const e = serialization.getEventAt(i);
        problems.push(`parse: ${e.message}`);
      }
      for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
      card.onExecuteAction = (action) => {
        window.executed.push({
          type: action.getJsonTypeName(),
          verb: action.verb ?? null,
          data: action.data === undefined ? null : JSON.parse(JSON.stringify(action.data)),
        });
      };
      const element = card.render();
      if (!element) problems.push('render returned nothing');
      else host.appendChild(element);
      return problems;
    };
    // What a person sees: texts (facts as "title: value"), then the visible buttons in order.
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
      && getComputedStyle(el).visibility !== 'hidden';
    window.seen = () => {
      const host = document.getElementById('host');
      const texts = [];
      for (const el of host.querySelectorAll('.ac-textBlock, .ac-richTextBlock, label')) {
        if (visible(el) && !el.closest('.ac-factset')) texts.push(el.innerText.trim());
      }
      for (const row of host.querySelectorAll('.ac-factset tr')) {
        const title = row.querySelector('.ac-fact-title');
        const value = row.querySelector('.ac-fact-value');
        if (visible(row) && title && value) texts.push(`${title.innerText.trim()}: ${value.innerText.trim()}`);
      }
      const buttons = [...host.querySelectorAll('button.ac-pushButton')].filter(visible)
        .map((b) => (b.getAttribute('aria-label') ?? b.innerText).trim());
      return { texts, buttons };
    };
  }, hostConfig);

  for (const entry of manifest) {
    const name = `${entry.name} (${entry.channel})`;
    const problems = [];
    try {
      pageErrors.length = 0;
      const payload = JSON.parse(fs.readFileSync(path.join(cardsDir, entry.file), 'utf8'));
      problems.push(...await page.evaluate((p) => window.renderCard(p), payload));

      let seen = await page.evaluate(() => window.seen());
      const buttons = seen.buttons;
      if (JSON.stringify(buttons) !== JSON.stringify(entry.buttons)) {
        problems.push(`buttons ${JSON.stringify(buttons)}, expected ${JSON.stringify(entry.buttons)}`);
      }

      const click = entry.click;
      if (click?.unfold) {
        await page.locator('#host button.ac-pushButton', { hasText: click.unfold }).first().click();
        seen = await page.evaluate(() => window.seen());
      }

      if (screenshotsDir && entry.screenshot) {
        await page.locator('#host').screenshot({ path: path.join(screenshotsDir, `${entry.name}.png`), animations: 'disabled' });
      }

      const text = seen.texts.join('\n');
      for (const expected of entry.texts) {
        if (!text.includes(expected)) problems.push(`missing text "${expected}"`);
      }

      if (click) {
        // The first such button, or after unfolding a show card the one inside it (the last).
        const candidates = page.locator('#host button.ac-pushButton:visible', { hasText: click.button });
        await (click.unfold ? candidates.last() : candidates.first()).click();
        const executed = await page.evaluate(() => window.executed);
        const action = executed.at(-1);
        if (!action) {
          problems.push(`clicking "${click.button}" sent nothing`);
        } else {
          if (action.type !== click.actionType) problems.push(`"${click.button}" is ${action.type}, expected ${click.actionType}`);
          if (action.type === 'Action.Execute' && action.verb !== action.data?.verb) {
            problems.push(`"${click.button}" verb ${action.verb} differs from data.verb ${action.data?.verb}`);
          }
          for (const [key, value] of Object.entries(click.data)) {
            if (action.data?.[key] !== value) {
              problems.push(`"${click.button}" sent ${key}=${JSON.stringify(action.data?.[key])}, expected ${JSON.stringify(value)}`);
            }
          }
        }
      }

      problems.push(...pageErrors.map((e) => `page: ${e}`));
    } catch (e) {
      problems.push(String(e?.stack ?? e));
    }

    if (problems.length === 0) {
      passed++;
      console.log(`ok ${name}`);
    } else {
      failed++;
      console.log(`not ok ${name}`);
      for (const p of problems) console.log(`    ${p}`);
    }
  }
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`cards-render: ${passed} passed, ${failed} failed`);
if (countsFile) fs.writeFileSync(countsFile, `${passed} ${failed}\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
