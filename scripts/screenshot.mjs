// Takes the README's screenshot of the demo page: node scripts/screenshot.mjs [out.png]
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, findChromium} from './chromium.mjs';
import {createStaticServer, listen} from './serve.mjs';

const out = process.argv[2] ?? 'docs/screenshot.png';
const server = createStaticServer();
const base = await listen(server);
const browser = await puppeteer.launch({executablePath: findChromium(), args: CHROMIUM_ARGS});
try {
  const page = await browser.newPage();
  await page.setViewport({width: 820, height: 1500, deviceScaleFactor: 1});
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${base}/demo/`, {waitUntil: 'networkidle0'});
  await page.waitForFunction(() => document.querySelector('article-comments')?.shadowRoot?.querySelector('article.comment'));
  const widget = await page.$('article-comments');
  await widget.evaluate((element) => element.scrollIntoView());
  await widget.screenshot({path: out});
  console.log(`Saved ${out}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`);
} finally {
  await browser.close();
  server.close();
}
