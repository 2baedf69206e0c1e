// Builds the deployable manifests from the templates, with the host URL and the ids from configuration:
//   npm run package -- --host https://salescoach.contoso.com --app-id <Entra app id> [--bot-id <Bot:AppId>]
//                      [--package-id <GUID>] [--version 1.2.3] [--out <folder>]
// (or SALESCOACH_HOST_URL, SALESCOACH_APP_ID, SALESCOACH_BOT_ID, SALESCOACH_PACKAGE_ID, SALESCOACH_VERSION).
// Writes appPackage/build/manifest.json, appPackage/build/appPackage.zip (manifest + icons, ready to
// upload to Teams / the Microsoft 365 admin center) and manifest/build/manifest.xml (the classic add-in
// manifest). The templates appPackage/manifest.json and manifest/manifest.xml are never edited by hand
// for a deployment.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "..", "..");
export const unifiedTemplatePath = join(repoRoot, "appPackage", "manifest.json");
export const xmlTemplatePath = join(repoRoot, "manifest", "manifest.xml");
export const packageIcons = ["color.png", "outline.png"];

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const placeholder = /\$\{\{([A-Z0-9_]+)\}\}/g;

/** A UUID (version 5 layout) derived from a name: the same app id always gives the same package id. */
export function uuidFromName(name) {
  const hash = createHash("sha1").update(`salescoach:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Checks the options and derives every template value; throws with every problem at once.
 * @param {{ host?: string, appId?: string, botId?: string, packageId?: string, version?: string }} options
 * @returns {Record<string, string>}
 */
export function templateValues({ host, appId, botId, packageId, version }) {
  const problems = [];
  let url = null;
  try {
    url = new URL(host ?? "");
    if (url.protocol !== "https:") problems.push(`--host must be an https:// URL (Outlook and Teams load add-ins only over HTTPS), not ${host}`);
    if (url.search || url.hash) problems.push("--host must not have a query or fragment");
  } catch {
    problems.push(`--host is required: the https:// URL where the SalesCoach host serves /addin/ (got ${host ?? "nothing"})`);
  }
  if (!guid.test(appId ?? "")) problems.push(`--app-id must be the Entra app registration's client id (a GUID), not ${appId ?? "nothing"}`);
  const bot = botId ?? appId;
  if (!guid.test(bot ?? "")) problems.push(`--bot-id must be the bot's Microsoft app id (a GUID), not ${bot ?? "nothing"}`);
  if (packageId !== undefined && !guid.test(packageId)) problems.push(`--package-id must be a GUID, not ${packageId}`);
  const appVersion = version ?? JSON.parse(readFileSync(join(here, "..", "package.json"), "utf8")).version;
  if (!/^\d+\.\d+\.\d+$/.test(appVersion)) problems.push(`--version must be major.minor.patch, not ${appVersion}`);
  if (problems.length > 0) {
    throw new Error(problems.join("\n"));
  }
  const hostUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  return {
    HOST_URL: hostUrl,
    HOST_DOMAIN: url.host,
    APP_ID: appId.toLowerCase(),
    BOT_ID: bot.toLowerCase(),
    PACKAGE_ID: (packageId ?? uuidFromName(appId.toLowerCase())).toLowerCase(),
    APP_VERSION: appVersion,
    APP_VERSION_XML: `${appVersion}.0`,
  };
}

/**
 * Replaces every ${{NAME}}; a name without a value is an error, never left in a manifest.
 * @param {string} template
 * @param {Record<string, string>} values
 */
export function render(template, values) {
  const missing = new Set();
  const text = template.replace(placeholder, (_, name) => {
    if (!(name in values)) {
      missing.add(name);
      return "";
    }
    return values[name];
  });
  if (missing.size > 0) {
    throw new Error(`no value for ${[...missing].join(", ")}`);
  }
  return text;
}

export function renderUnified(values) {
  return JSON.parse(render(readFileSync(unifiedTemplatePath, "utf8"), values));
}

export function renderXml(values) {
  return render(readFileSync(xmlTemplatePath, "utf8"), values);
}

/** The upload-ready package: manifest.json and the two icons at the zip's root. */
export function zipPackage(manifest) {
  const mtime = new Date("2026-01-01T00:00:00Z"); // reproducible bytes
  const files = { "manifest.json": [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }] };
  for (const icon of packageIcons) {
    files[icon] = [readFileSync(join(repoRoot, "appPackage", icon)), { mtime }];
  }
  return zipSync(files, { level: 9 });
}

/**
 * Writes everything; returns the paths written.
 * @param {{ host?: string, appId?: string, botId?: string, packageId?: string, version?: string, out?: string, xmlOut?: string }} options
 */
export function buildPackage(options) {
  const values = templateValues(options);
  const out = resolve(options.out ?? join(repoRoot, "appPackage", "build"));
  const xmlOut = resolve(options.xmlOut ?? join(repoRoot, "manifest", "build"));
  mkdirSync(out, { recursive: true });
  mkdirSync(xmlOut, { recursive: true });
  const manifest = renderUnified(values);
  const written = {
    manifest: join(out, "manifest.json"),
    zip: join(out, "appPackage.zip"),
    xml: join(xmlOut, "manifest.xml"),
  };
  writeFileSync(written.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(written.zip, zipPackage(manifest));
  writeFileSync(written.xml, renderXml(values));
  return { values, written };
}

export function parseArgs(argv, env = process.env) {
  const options = {
    host: env.SALESCOACH_HOST_URL,
    appId: env.SALESCOACH_APP_ID,
    botId: env.SALESCOACH_BOT_ID,
    packageId: env.SALESCOACH_PACKAGE_ID,
    version: env.SALESCOACH_VERSION,
  };
  const names = { "--host": "host", "--app-id": "appId", "--bot-id": "botId", "--package-id": "packageId", "--version": "version", "--out": "out", "--xml-out": "xmlOut" };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const name = names[flag];
    if (!name) throw new Error(`unknown option ${argv[i]}; use ${Object.keys(names).join(", ")}`);
    options[name] = inline ?? argv[++i];
  }
  for (const key of Object.keys(options)) if (options[key] === undefined || options[key] === "") delete options[key];
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values, written } = buildPackage(parseArgs(process.argv.slice(2)));
    console.log(`SalesCoach ${values.APP_VERSION} for ${values.HOST_URL} (app ${values.APP_ID}, bot ${values.BOT_ID}, package ${values.PACKAGE_ID})`);
    for (const path of Object.values(written)) console.log(`  ${path}`);
  } catch (error) {
    console.error(`npm run package: ${error.message}`);
    process.exit(1);
  }
}
