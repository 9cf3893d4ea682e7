// A fresh machine has no Chrome: the browser finder then installs the fallback Chromium (it is no
// dependency of the project) and hands back a binary that runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { CHROME_FLAGS, fallbackBrowser } from '../../scripts/find-browser.js';

test(
  'the fallback browser installs on first use and runs',
  { skip: platform() !== 'linux' || arch() !== 'x64' ? 'Linux x64 only' : false },
  async () => {
    const binary = await fallbackBrowser();
    assert.ok(existsSync(binary), `${binary} exists`);
    const browser = await chromium.launch({ executablePath: binary, args: CHROME_FLAGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<p>fallback ok</p>');
      assert.equal(await page.textContent('p'), 'fallback ok');
      assert.match(browser.version(), /^\d+\./);
    } finally {
      await browser.close();
    }
  },
);
