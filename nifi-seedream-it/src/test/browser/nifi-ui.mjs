/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
// Drives NiFi's own UI in headless Debian Chromium as a user would, for NiFiUiInBrowserIT:
// the canvas, a processor's configuration dialog (opened by double-click) and NiFi's documentation of it.
// Arguments: one JSON object {nifiUrl, rootGroupId, processorId, processorType, bundleVersion, screenshots}.
// Prints one JSON line with what it saw; any step that fails exits non-zero with the reason.
import { chromium } from 'playwright-core';

const args = JSON.parse(process.argv[2]);
const shot = name => `${args.screenshots}/${name}.png`;
const result = {};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // Chromium's own network calls have nowhere to go on a closed network; a fresh profile every run.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });

  // 1. The canvas, centred on our processor (the UI's deep link selects it).
  await page.goto(`${args.nifiUrl}/#/process-groups/${args.rootGroupId}/Processor/${args.processorId}`,
                  { waitUntil: 'networkidle' });
  await page.locator('g.processor text.processor-name').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000); // the canvas animates to the selection
  // The drawn label only: each text element also holds a <title> tooltip with the full value.
  const labels = selector => page.locator(selector).evaluateAll(els => els.map(e => e.firstChild.textContent));
  result.canvasProcessorNames = await labels('g.processor text.processor-name');
  result.canvasProcessorBundles = await labels('g.processor text.processor-bundle');
  await page.screenshot({ path: shot('1-canvas') });

  // 2. Double-click opens the configuration dialog; its Properties tab lists ours. (Into the body, off its centre:
  // Playwright's own click point lands on a statistics text that takes no double-click.)
  const body = await page.locator(`g#id-${args.processorId} rect.body`).boundingBox();
  await page.mouse.dblclick(body.x + 60, body.y + 60);
  const dialog = page.locator('mat-dialog-container');
  await dialog.waitFor({ timeout: 15000 });
  await dialog.getByRole('tab', { name: 'Properties' }).click();
  await dialog.getByText('Seedream Connection Service').first().waitFor({ timeout: 15000 });
  result.configurationDialog = await dialog.innerText();
  await page.waitForTimeout(800); // the dialog slides in
  await page.screenshot({ path: shot('2-configuration') });
  await page.keyboard.press('Escape');

  // 3. NiFi's documentation page of the processor, with our additional details.
  await page.goto(`${args.nifiUrl}/#/documentation/Processor/dev.seedream/nifi-seedream-nar/${args.bundleVersion}/`
                  + args.processorType, { waitUntil: 'networkidle' });
  await page.getByText('Additional Details').first().waitFor({ timeout: 30000 });
  result.documentation = await page.locator('body').innerText();
  await page.screenshot({ path: shot('3-documentation'), fullPage: false });
  await page.getByText('Additional Details').first().click();
  await page.waitForTimeout(1500);
  result.additionalDetails = await page.locator('body').innerText();
  await page.screenshot({ path: shot('4-additional-details') });
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
