import { resolve } from "node:path";
import { defineConfig } from "vite";

// The pane is served by the SalesCoach host at /addin/ (and by any other origin the manifests name):
// relative asset URLs keep the build independent of where it is mounted.
export default defineConfig({
  root: resolve(import.meta.dirname, "src"),
  base: "./",
  publicDir: resolve(import.meta.dirname, "public"),
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    target: "es2020",
    sourcemap: true,
    rollupOptions: {
      input: {
        taskpane: resolve(import.meta.dirname, "src/taskpane.html"),
        commands: resolve(import.meta.dirname, "src/commands.html"),
      },
    },
  },
});
