import "./taskpane.css";
import { demoOffice, demoSender } from "./demo";
import { startTaskPane } from "./pane";
import type { OfficeLike } from "./office";
import { describeProblem } from "./view";

// Wiring only: the logic is in pane.ts and the modules it imports, which the unit tests import.

const root = document.getElementById("app")!;
const sender = demoSender(location.search);
const office: (typeof Office & OfficeLike) | undefined = sender
  ? (demoOffice(sender) as unknown as typeof Office & OfficeLike)
  : (globalThis as { Office?: typeof Office & OfficeLike }).Office;

if (!office) {
  notInOutlook();
} else {
  void office.onReady((info) =>
    info?.host
      ? startTaskPane({
          office,
          root,
          fetch: (input, init) => fetch(input, init),
          store: safeStorage(),
          online: () => navigator.onLine,
          events: window,
        })
      : notInOutlook(),
  );
}

function notInOutlook(): void {
  const { title, detail } = describeProblem("notInOutlook", "", null);
  root.innerHTML = `<main class="sc-body"><section class="sc-problem" role="alert" data-testid="problem" data-problem="notInOutlook"><h2>${title}</h2><p>${detail}</p></section></main>`;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage can be blocked in some Outlook clients
  }
}
