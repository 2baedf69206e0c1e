import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { DOMParser } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readPng } from "../../scripts/png.mjs";
import {
  parseArgs, render, renderUnified, renderXml, repoRoot, templateValues, unifiedTemplatePath, uuidFromName, xmlTemplatePath, zipPackage,
} from "../../scripts/package.mjs";

// appPackage/manifest.json is checked against Microsoft's own JSON schema, shipped offline by
// @microsoft/app-manifest. No offline copy of the XML add-in manifest's XSDs exists (the Office
// tools validate XML manifests through an online service), so manifest/manifest.xml is checked for
// being well-formed, for the elements the schema requires in its order, and for naming the same ids,
// URLs and permissions as the unified manifest.

const appId = "3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c";
const botId = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d";
const host = "https://salescoach.contoso.com";
const values = templateValues({ host, appId, botId, version: "1.2.3" });
const unified = renderUnified(values) as Record<string, any>;
const xmlText = renderXml(values);

const require = createRequire(import.meta.url);
function officialSchema(version: string): object {
  const entry = require.resolve("@microsoft/app-manifest");
  const root = entry.slice(0, entry.lastIndexOf("/build/") + 1);
  return JSON.parse(readFileSync(join(root, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json"), "utf8"));
}

const officeNs = "http://schemas.microsoft.com/office/appforoffice/1.1";
const overridesNs = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
const btNs = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const xsiNs = "http://www.w3.org/2001/XMLSchema-instance";

function parseXml(text: string): Document {
  const errors: string[] = [];
  let document: Document | null = null;
  try {
    document = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== "warning") errors.push(message);
      },
    }).parseFromString(text, "application/xml") as unknown as Document;
  } catch (error) {
    errors.push(String(error)); // xmldom throws on fatal errors
  }
  if (errors.length > 0) {
    throw new Error(`not well-formed: ${errors.join("; ")}`);
  }
  return document!;
}

const xml = parseXml(xmlText);
const root = xml.documentElement;
const children = (element: Element) => Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1);
const child = (element: Element, name: string) => children(element).find((c) => c.localName === name);
const all = (ns: string, name: string) => Array.from(xml.getElementsByTagNameNS(ns, name));
const overrides = all(overridesNs, "VersionOverrides")[0]!;
const resource = (kind: string, id: string) =>
  all(btNs, kind).find((e) => e.getAttribute("id") === id)?.getAttribute("DefaultValue");
const extension = unified.extensions[0];
const runtime = extension.runtimes[0];
const control = extension.ribbons[0].tabs[0].groups[0].controls[0];

describe("appPackage/manifest.json (unified Microsoft 365 app manifest)", () => {
  it("is valid against Microsoft's schema for its manifestVersion, offline", async () => {
    const schema = officialSchema(unified.manifestVersion);
    expect(unified.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${unified.manifestVersion}/MicrosoftTeams.schema.json`);
    const failures = await AppManifestUtils.validateAgainstSchema(unified as never, schema as never);
    expect(failures).toEqual([]);
  });

  it("fails the schema when broken, so the check above can fail", async () => {
    const broken = { ...unified, id: "not-a-guid", icons: { color: "color.png" } };
    const failures = await AppManifestUtils.validateAgainstSchema(broken as never, officialSchema(unified.manifestVersion) as never);
    expect(failures.join("\n")).toMatch(/\/id/);
    expect(failures.join("\n")).toMatch(/outline/);
  });

  it("declares the bot in personal scope with every command", () => {
    expect(unified.bots).toHaveLength(1);
    expect(unified.bots[0].botId).toBe(botId);
    expect(unified.bots[0].scopes).toEqual(["personal"]);
    expect(unified.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      "help", "tasks", "lead", "advance", "new lead", "funnel", "coach", "kudos",
    ]);
  });

  it("declares the Outlook add-in: mailbox requirement, a read-message button that opens the pane on the host", () => {
    expect(extension.requirements.scopes).toEqual(["mail"]);
    expect(extension.requirements.capabilities).toEqual([{ name: "Mailbox", minVersion: "1.3" }]);
    expect(runtime.code.page).toBe(`${host}/addin/taskpane.html`);
    expect(runtime.actions).toEqual([expect.objectContaining({ id: control.actionId, type: "openPage", pinnable: true })]);
    expect(extension.ribbons[0].contexts).toEqual(["mailRead"]);
    expect(control.icons.map((i: { size: number }) => i.size)).toEqual([16, 32, 80]);
  });

  it("signs in as the app registration whose id URI the API takes as its audience", () => {
    expect(unified.webApplicationInfo).toEqual({ id: appId, resource: `api://salescoach.contoso.com/${appId}` });
    expect(unified.validDomains).toEqual(["salescoach.contoso.com"]);
    expect(unified.authorization.permissions.resourceSpecific).toEqual([{ name: "MailboxItem.Read.User", type: "Delegated" }]);
  });

  it("serves every URL from the configured host over https", () => {
    const urls = JSON.stringify(unified).match(/https?:\/\/[^"]+/g)!.filter((u) => !u.startsWith("https://developer.microsoft.com/json-schemas/"));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${host}/addin/`)).toBe(true);
  });
});

describe("templates", () => {
  it("hard-code no host, app id or bot id: everything comes from the build command", () => {
    for (const path of [unifiedTemplatePath, xmlTemplatePath]) {
      const text = readFileSync(path, "utf8");
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      const hosts = (text.match(/https?:\/\/[^"<\s]+/g) ?? []).filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/") && !u.startsWith("https://developer.microsoft.com/json-schemas/"));
      expect(hosts).toEqual([]);
    }
  });

  it("refuse a missing value rather than leave a placeholder in a manifest", () => {
    expect(() => render("${{HOST_URL}}/x ${{NOPE}}", { HOST_URL: host })).toThrow(/NOPE/);
  });

  it("take options from arguments over the environment, and report every bad option at once", () => {
    expect(parseArgs(["--host", host, "--app-id=abc"], { SALESCOACH_APP_ID: appId, SALESCOACH_BOT_ID: botId })).toEqual({ host, appId: "abc", botId });
    expect(() => templateValues({ host: "http://salescoach.contoso.com", appId: "x" })).toThrow(/https[\s\S]*app-id[\s\S]*bot-id/);
  });

  it("derive the same package id from the same app id, and the bot id from the app id when not given", () => {
    const a = templateValues({ host, appId });
    expect(a.PACKAGE_ID).toBe(uuidFromName(appId));
    expect(a.PACKAGE_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.BOT_ID).toBe(appId);
    expect(templateValues({ host: `${host}/sc/`, appId }).HOST_URL).toBe(`${host}/sc`);
  });
});

describe("appPackage.zip", () => {
  const files = unzipSync(zipPackage(unified));

  it("holds the manifest and the two icons at its root, nothing else", () => {
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(JSON.parse(new TextDecoder().decode(files["manifest.json"]))).toEqual(unified);
  });

  it("has icons at the sizes the schema asks for: color 192x192, outline 32x32 white on transparent", () => {
    const color = readPng(files["color.png"]!);
    const outline = readPng(files["outline.png"]!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.pixels!.length; i += 4) {
      const [r, g, b, a] = outline.pixels!.subarray(i, i + 4);
      if (a === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
  });
});

describe("manifest/manifest.xml (classic add-in manifest; structure only, see the note above)", () => {
  it("is well-formed, a MailApp, with the required elements in the schema's order", () => {
    expect(() => parseXml("<OfficeApp><Id></OfficeApp>")).toThrow(/well-formed/);
    expect(root.namespaceURI).toBe(officeNs);
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttributeNS(xsiNs, "type")).toBe("MailApp");
    expect(children(root).map((c) => c.localName)).toEqual([
      "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl",
      "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "DisableEntityHighlighting", "VersionOverrides",
    ]);
    expect(child(child(root, "Hosts")!, "Host")!.getAttribute("Name")).toBe("Mailbox");
  });

  it("has the unified manifest's id, version, name and permission", () => {
    expect(child(root, "Id")!.textContent).toBe(unified.id);
    expect(child(root, "Version")!.textContent).toBe(`${unified.version}.0`);
    expect(child(root, "DisplayName")!.getAttribute("DefaultValue")).toBe(unified.name.short);
    // MailboxItem.Read.User (unified) is ReadItem (XML)
    expect(child(root, "Permissions")!.textContent).toBe("ReadItem");
    const set = all(officeNs, "Set")[0]!;
    expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["Mailbox", extension.requirements.capabilities[0].minVersion]);
    expect(all(btNs, "Sets")[0]!.getAttribute("DefaultMinVersion")).toBe(extension.requirements.capabilities[0].minVersion);
  });

  it("opens the same page from the same read-message button, with the same icons", () => {
    const form = all(officeNs, "Form")[0]!;
    expect(form.getAttributeNS(xsiNs, "type")).toBe("ItemRead");
    expect(all(officeNs, "SourceLocation")[0]!.getAttribute("DefaultValue")).toBe(runtime.code.page);
    const rule = all(officeNs, "Rule").find((r) => r.getAttributeNS(xsiNs, "type") === "ItemIs")!;
    expect([rule.getAttribute("ItemType"), rule.getAttribute("FormType")]).toEqual(["Message", "Read"]);

    const extensionPoint = Array.from(overrides.getElementsByTagNameNS(overridesNs, "ExtensionPoint"))[0]!;
    expect(extensionPoint.getAttributeNS(xsiNs, "type")).toBe("MessageReadCommandSurface");
    const button = Array.from(overrides.getElementsByTagNameNS(overridesNs, "Control"))[0]!;
    expect(button.getAttribute("id")).toBe(control.id);
    expect(Array.from(overrides.getElementsByTagNameNS(overridesNs, "Group"))[0]!.getAttribute("id")).toBe(extension.ribbons[0].tabs[0].groups[0].id);
    expect(Array.from(overrides.getElementsByTagNameNS(overridesNs, "OfficeTab"))[0]!.getAttribute("id")).toBe(extension.ribbons[0].tabs[0].builtInTabId);
    const action = Array.from(button.getElementsByTagNameNS(overridesNs, "Action"))[0]!;
    expect(action.getAttributeNS(xsiNs, "type")).toBe("ShowTaskpane");
    expect(resource("Url", Array.from(action.getElementsByTagNameNS(overridesNs, "SourceLocation"))[0]!.getAttribute("resid")!)).toBe(runtime.code.page);
    expect(Array.from(action.getElementsByTagNameNS(overridesNs, "SupportsPinning"))[0]!.textContent).toBe(String(runtime.actions[0].pinnable));
    const images = Array.from(button.getElementsByTagNameNS(btNs, "Image")).map((i) => ({ size: Number(i.getAttribute("size")), url: resource("Image", i.getAttribute("resid")!) }));
    expect(images).toEqual(control.icons);
  });

  it("defines every resource it references, once", () => {
    const defined = ["Image", "Url", "String"].flatMap((kind) => all(btNs, kind).filter((e) => e.getAttribute("DefaultValue") !== null).map((e) => e.getAttribute("id")));
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = Array.from(overrides.getElementsByTagName("*")).map((e) => e.getAttribute("resid")).filter((r): r is string => !!r);
    expect(referenced.length).toBeGreaterThan(5);
    for (const id of referenced) expect(defined).toContain(id);
  });

  it("signs in with the same app registration and serves everything from the unified manifest's domain", () => {
    const info = Array.from(overrides.getElementsByTagNameNS(overridesNs, "WebApplicationInfo"))[0]!;
    expect(child(info, "Id")!.textContent).toBe(unified.webApplicationInfo.id);
    expect(child(info, "Resource")!.textContent).toBe(unified.webApplicationInfo.resource);
    const appDomain = all(officeNs, "AppDomain")[0]!.textContent!;
    expect(unified.validDomains).toContain(new URL(appDomain).host);
    const urls = xmlText.match(/DefaultValue="(https?:[^"]+)"/g)!.map((m: string) => m.slice(14, -1));
    for (const url of urls) expect(url.startsWith(`${host}/addin/`)).toBe(true);
  });
});

describe("repository layout", () => {
  it("keeps the package icons beside the template", () => {
    expect(readPng(readFileSync(join(repoRoot, "appPackage", "color.png"))).width).toBe(192);
  });
});
