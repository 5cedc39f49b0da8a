// What the browser tests share: the settings their JUnit runner passes in the environment, Debian's chromium started
// headless through playwright-core (never a downloaded browser), the login form, and polling until a condition holds.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const base = process.env.ASCENDCP_BASE_URL ?? "http://localhost:8080";
export const user = process.env.ASCENDCP_USER ?? "admin";
export const password = process.env.ASCENDCP_PASSWORD ?? process.env.ASCENDCP_ADMIN_PASSWORD ?? "";
export const shots = process.env.ASCENDCP_SCREENSHOTS ?? "../target/screenshots";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A headless chromium with a fresh profile directory (playwright passes it as --user-data-dir). */
export async function launchChromium({ width = 1400, height = 1100, prefix = "ascendcp-chromium-" } = {}) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), prefix)), {
    viewport: { width, height },
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/** The first page of a browser context. */
export async function firstPage(context) {
  return context.pages()[0] ?? (await context.newPage());
}

/** Logs in through the login form and checks that the application let the user in. */
export async function login(page, name = user, secret = password) {
  await page.goto(`${base}/login`);
  await page.fill("#username", name);
  await page.fill("#password", secret);
  await Promise.all([page.waitForNavigation(), page.click("form button[type=submit], form input[type=submit]")]);
  assert.ok(!page.url().includes("/login"), `${name} logged in (now at ${page.url()})`);
}

/** Polls condition every 250 ms until it answers something truthy, which it returns; fails after timeoutMs. */
export async function until(what, condition, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition().catch(() => undefined);
    if (value) return value;
    assert.ok(Date.now() < end, `not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
