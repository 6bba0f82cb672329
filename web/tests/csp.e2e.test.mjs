// The site's Content-Security-Policy, through the running local cloud (LOCAL_CLOUD_URL): the local
// cloud serves the policy of template.yaml's response headers policy (WebSecurityHeaders) with its
// own origins, and Chromium enforces it: an inline script or style put on the page does not run.
// Every other journey fails on any CSP violation (support.mjs journey), so the app keeps to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, currentBrowser, useBrowser } from './support.mjs';

useBrowser();

const template = await readFile(new URL('../../template.yaml', import.meta.url), 'utf8');
// the format string of the policy's Fn::Sub: "default-src 'self'; … ${LoginOrigin} …"
const format = template.match(/^\s+- "(default-src [^"]+)"$/m)[1];

test('the app is served with the template\'s CSP and an inline script or style injected into it does not run', async () => {
  const context = await currentBrowser().newContext();
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  try {
    const res = await page.goto(`${BASE_URL}/`);
    const served = res.headers()['content-security-policy'];
    const pattern = new RegExp(`^${format.replace(/[.*+?^()|[\]\\]/g, '\\$&').replace(/\$\{\w+\}/g, 'https?://\\S+')}$`);
    assert.match(served, pattern, 'the local cloud serves the template\'s policy, with only the origins its own');
    assert.doesNotMatch(served, /unsafe-inline|unsafe-eval/);
    await page.waitForSelector('#sign-in');

    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true;';
      document.head.append(script);
      const box = document.createElement('div');
      box.setAttribute('style', 'color: rgb(255, 0, 0)');
      document.body.append(box);
      return { script: window.inlineScriptRan === true, color: getComputedStyle(box).color };
    });
    assert.equal(ran.script, false, 'an inline script ran');
    assert.notEqual(ran.color, 'rgb(255, 0, 0)', 'an inline style applied');
    for (let i = 0; i < 20 && violations.length < 2; i++) await page.waitForTimeout(100);
    assert.ok(violations.some((v) => /script/i.test(v)) && violations.some((v) => /style/i.test(v)),
      `Chromium reports both as CSP violations: ${violations.join(' | ')}`);
  } finally {
    await context.close();
  }
});
