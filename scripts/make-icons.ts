import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * `npx tsx scripts/make-icons.ts`: the installable page's icons (public/icons/), drawn from
 * public/favicon.svg by Debian's Chromium, so they always match the tab icon. The maskable icon
 * keeps the drawing inside the middle 80 % (the safe zone of the W3C manifest's maskable purpose)
 * on the page's own background, which the launcher may crop to a circle or a squircle.
 */
const OUT = 'public/icons';
const svg = readFileSync('public/favicon.svg', 'utf8');
const icons: Array<{ file: string; sizePx: number; maskable: boolean }> = [
  { file: 'icon-192.png', sizePx: 192, maskable: false },
  { file: 'icon-512.png', sizePx: 512, maskable: false },
  { file: 'icon-maskable-512.png', sizePx: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', sizePx: 180, maskable: true },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.sizePx, height: icon.sizePx } });
    const inner = icon.maskable ? Math.round(icon.sizePx * 0.8) : icon.sizePx;
    await page.setContent(
      `<body style="margin:0;background:${icon.maskable ? '#0f1418' : 'transparent'};display:grid;place-items:center;height:100vh">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
    );
    await page.screenshot({ path: join(OUT, icon.file), omitBackground: !icon.maskable });
    await page.close();
  }
  console.log(`wrote ${icons.map((i) => join(OUT, i.file)).join(', ')}`);
} finally {
  await browser.close();
}
