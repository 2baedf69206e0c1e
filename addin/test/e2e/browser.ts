import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";

/** Debian's Chromium; playwright-core never downloads a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // playwright gives every launch a fresh, temporary user data dir
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The message the mailbox mock shows, as Outlook's read-mode item has it. */
export interface MockMessage {
  subject: string;
  from: { displayName: string; emailAddress: string };
  to: { displayName: string; emailAddress: string }[];
  cc?: { displayName: string; emailAddress: string }[];
  internetMessageId: string;
  user: string;
}

/**
 * A browser context for the pane: only loopback traffic (anything else is refused), Office.js from
 * Microsoft's CDN replaced by an empty script, and `window.Office` mocked before any page script runs.
 */
export async function paneContext(browser: Browser, message: MockMessage): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 760 }, deviceScaleFactor: 1 });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "appsforoffice.microsoft.com") {
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js is mocked by the test */" });
    }
    return url.hostname === "127.0.0.1" || url.hostname === "localhost" ? route.continue() : route.abort();
  });
  await context.addInitScript((m: MockMessage) => {
    const info = { host: "Outlook", platform: "OfficeOnline" };
    (window as unknown as { Office: unknown }).Office = {
      HostType: { Outlook: "Outlook" },
      EventType: { ItemChanged: "olkItemSelectedChanged" },
      context: {
        mailbox: {
          item: {
            itemType: "message",
            itemId: `AAMk-${m.internetMessageId}`,
            internetMessageId: m.internetMessageId,
            conversationId: "AAQk-e2e-conversation",
            subject: m.subject,
            from: m.from,
            sender: m.from,
            to: m.to,
            cc: m.cc ?? [],
            dateTimeCreated: new Date("2026-11-28T08:30:00Z"),
          },
          userProfile: { emailAddress: m.user, displayName: m.user },
          addHandlerAsync: () => undefined,
        },
        requirements: { isSetSupported: () => true },
      },
      onReady(callback?: (i: typeof info) => void) {
        callback?.(info);
        return Promise.resolve(info);
      },
    };
  }, message);
  return context;
}

export async function openPane(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/addin/taskpane.html`);
  return page;
}
