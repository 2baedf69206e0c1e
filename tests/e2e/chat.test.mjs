// End-to-end: a rep uses Microsoft's Web Chat on the host's /chat page (the local Direct Line
// channel), in headless Chromium, against the real running host.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';
import { startHost } from './host.mjs';

// The README's picture is refreshed only on request (`SALESCOACH_SCREENSHOTS=1 npm test`), so a test run leaves the tree clean.
const docs = process.env.SALESCOACH_SCREENSHOTS === '1'
  ? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs')
  : mkdtempSync(join(tmpdir(), 'salescoach-e2e-shots-'));
let host;
let browser;

const pipeline = `
id: e2e-chat
name: Chat walkthrough
criteria: {products: [e2e-chat]}
stages:
  - id: call
    name: First call
    guidance: Call them within the hour.
    goal: {taskCompleted: call}
    tasks:
      - {id: call, title: Call the customer, dueAfter: PT1H}
      - {id: note, title: Write a call note, dueAfter: PT2H}
  - id: meet
    name: Meeting
    guidance: "Book a **meeting** with the decision maker."
    goal: {activity: {type: meeting}}
    tasks:
      - {id: book, title: Book the meeting, dueAfter: PT3H}
  - id: close
    name: Close
`;

before(async () => {
  host = await startHost();
  browser = await launchChromium();
  await host.api('PUT', '/api/pipelines/e2e-chat', 'admin', pipeline, 'application/yaml');
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

async function openChat(rep) {
  const page = await browser.context.newPage();
  await page.goto(`${host.url}/chat/?rep=${rep}`);
  await page.getByText(/I.m SalesCoach/).first().waitFor({ timeout: 30_000 });
  return page;
}

async function say(page, text) {
  const box = page.getByPlaceholder('Type your message');
  await box.fill(text);
  await box.press('Enter');
}

test('a rep completes a task from "tasks", the lead advances and the next stage guidance arrives', async () => {
  const page = await openChat('ana');
  await host.api('POST', '/api/leads', 'ana', { id: 'globex', name: 'Globex', emails: ['buyer@globex.example'], pipelineId: 'e2e-chat', ownerId: 'ana' });

  // The lead's first stage guidance reaches the open chat by itself (the rep's outbox).
  await page.getByText('Globex is now in First call').waitFor({ timeout: 30_000 });

  await say(page, 'tasks');
  await page.locator('.ac-adaptiveCard', { hasText: 'My day' }).getByText('Call the customer').waitFor();
  const myDay = page.locator('.ac-adaptiveCard', { hasText: 'My day' }).nth(0); // this card, not later ones
  const row = myDay.locator('.ac-columnSet', { hasText: 'Call the customer' }).last();
  await row.getByRole('button', { name: 'Complete' }).click();

  // The stage goal is met: guidance for the next stage arrives, and the refreshed card no longer lists the task.
  await page.getByText('Globex is now in Meeting').waitFor({ timeout: 30_000 });
  const refreshed = page.locator('.ac-adaptiveCard', { hasText: 'My day' }).last();
  await refreshed.getByText('Book the meeting').waitFor();
  assert.equal(await refreshed.getByText('Call the customer').count(), 0);

  const lead = await host.api('GET', '/api/leads/globex', 'ana');
  assert.equal(lead.stage.id, 'meet');
  assert.deepEqual(lead.tasks.map(t => [t.id, t.status]), [['call', 'done'], ['note', 'skipped'], ['book', 'open']]);
  assert.equal(lead.tasks[0].doneBy, 'ana');

  mkdirSync(docs, { recursive: true });
  await page.screenshot({ path: join(docs, 'chat.png') });

  // A second click on the old card is harmless: nothing moves, no second guidance card.
  await row.getByRole('button', { name: 'Complete' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.ac-adaptiveCard').length >= 6);
  const again = await host.api('GET', '/api/leads/globex', 'ana');
  assert.equal(again.stage.id, 'meet');
  assert.equal(again.history.length, 2);
  assert.equal(await page.getByText('Globex is now in Meeting').count(), 1);
  await page.close();
});

test('another rep cannot complete a task that is not theirs', async () => {
  await host.api('POST', '/api/leads', 'ana', { id: 'initech', name: 'Initech', pipelineId: 'e2e-chat', ownerId: 'ana' });
  const page = await openChat('bo');

  // Bo asks for Ana's lead by id: he may not see it.
  await say(page, 'lead initech');
  await page.getByText(/may only see your own leads/).waitFor({ timeout: 30_000 });

  const lead = await host.api('GET', '/api/leads/initech', 'ana');
  assert.equal(lead.tasks.find(t => t.id === 'call').status, 'open');
  await page.close();
});

test('unknown text gets a short help, not silence', async () => {
  const page = await openChat('chen');
  await say(page, 'what can you do for me?');
  await page.getByText('tasks', { exact: false }).last().waitFor();
  await page.locator('.ac-adaptiveCard', { hasText: 'new lead' }).last().waitFor({ timeout: 30_000 });
  await page.close();
});
