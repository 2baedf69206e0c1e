import { defineConfig } from "vitest/config";

// Two projects: `unit` (pane logic with office-addin-mock, manifests, icons; fast, no host) and
// `e2e` (the real pane page from the real host in headless Chromium). test.sh runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // A loaded CI machine may take seconds to answer; polls wait for the page, never sleep.
          expect: { poll: { timeout: 20_000, interval: 50 } },
        },
      },
    ],
  },
});
