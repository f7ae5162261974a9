import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage } from './appPage';
import { baseUrl, launchChromium } from './harness';

const POLL = { timeout: 30_000 };

/**
 * Every piece of text a reader (or a screen reader) gets from the page: text nodes, accessible
 * names, titles and placeholders, from the main page and the report. File names, numbers and the
 * product's name are left out: they are the same in every language.
 */
async function pageWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style, kbd, #clip-name, #baseline-name, .file-name, #language-switch')) continue;
      out.add((n.textContent ?? '').trim());
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (el.id === 'language-switch') continue;
      for (const a of ['aria-label', 'title', 'placeholder']) out.add((el.getAttribute(a) ?? '').trim());
    }
    // Words of three letters or more, less what no language translates.
    const same = /^(TwitchScope|SHA-256.*|JSON|CSV|PNG|A4|DICOM|MP4|H\.264|fps|px|mm²?|s|x|y|z|#|demo-\S+|.*\.mp4.*|Detector|P\(fasc\.\)|x, y px|params-\S+)$/; // params-…+model-…: the detector revision
    return [...out].filter((w) => /[A-Za-z]{3,}/.test(w) && !same.test(w));
  });
}

describe('English and Spanish (issue 12)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let english: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    // The English page's words, to be sure none is left on the Spanish one.
    const en = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const enPage = await en.newPage();
    await enPage.goto(`${baseUrl()}/`);
    await enPage.getByRole('button', { name: 'Load demo clips' }).click();
    await appPage.analyze(enPage);
    await enPage.getByRole('button', { name: 'Print report' }).click();
    english = await pageWords(enPage);
    await en.close();
    context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('with locale es-ES the page is in Spanish, numbers with a decimal comma, nothing left in English', async () => {
    await page.goto(`${baseUrl()}/`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.getByRole('heading', { name: 'Vídeos' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Cargar vídeos de demostración' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Analizar', exact: true }).isEnabled(), POLL).toBe(true);
    await page.getByRole('button', { name: 'Analizar', exact: true }).click();
    await appPage.waitForIdle(page);
    expect(await appPage.alertText(page)).toBe('');
    expect(await page.locator('#progress-text').textContent()).toMatch(/^Terminado: \d+ fasciculaci(ón|ones) en 750 fotogramas\.$/);
    expect(await appPage.reviewCount(page)).toMatch(/^\d+ fasciculaci(ón|ones) \(.*\), \d+,\d por minuto analizable$/);
    expect(await page.locator('#summary').textContent()).toContain('Tiempo analizable');
    expect(await page.getByRole('switch', { name: 'Vincular reproductores' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Velocidad').isVisible()).toBe(true);
    const marker = (await appPage.markers(page))[0];
    expect(marker.name).toMatch(/^Evento \d+ a los \d+,\d\d s: [a-záéíóúñ ]+, (sin revisar|aceptado|rechazado|añadido por el revisor)$/);
    await page.getByRole('button', { name: 'Imprimir informe' }).click();
    const left = (await pageWords(page)).filter((w) => english.includes(w));
    expect(left, 'English words on the Spanish page').toEqual([]);
    await page.getByRole('button', { name: 'Cerrar informe' }).click();
  });

  it('the report is in Spanish, the exported CSV stays English', async () => {
    await page.getByRole('button', { name: 'Imprimir informe' }).click();
    const report = page.locator('#report');
    expect(await report.getByRole('heading', { name: 'Fasciculaciones en ecografía de la pantorrilla' }).isVisible()).toBe(true);
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Las fasciculaciones de la pantorrilla por sí solas distinguen mal la ELA');
    expect(text).toMatch(/por minuto analizable/);
    // Dates in Spanish ("1 de diciembre de 2026, 18:05").
    expect(text).toMatch(/impreso el \d{1,2} de [a-z]+ de \d{4}/);
    await page.getByRole('button', { name: 'Cerrar informe' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar CSV' }).click()]);
    const lines = readFileSync(await csv.path(), 'utf8').split('\n');
    const header = lines.find((l) => !l.startsWith('#'))!;
    expect(header.split(',')).toEqual(expect.arrayContaining(['id', 'kind', 'onsetS', 'probability', 'review']));
    expect(lines.find((l) => /^\d+,fasciculation,/.test(l))).toMatch(/,\d+\.\d+,/); // decimal points for other tools
  });

  it('an error message is in Spanish', async () => {
    await page.getByLabel('Vídeo', { exact: true }).setInputFiles({ name: 'notas.mp4', mimeType: 'video/mp4', buffer: Buffer.from('Paciente visto el martes. Fasciculaciones en la pantorrilla izquierda.\n') });
    await expect.poll(() => page.locator('#clip-problem').textContent(), POLL).toBe(
      '«notas.mp4» es un archivo de texto, no de vídeo, aunque su nombre acabe en una extensión de vídeo. TwitchScope lee vídeos MP4, MOV, WebM, DICOM, AVI y GIF.',
    );
    await page.getByLabel('Umbral de confianza').fill('7');
  });

  it('the switch returns to English (page, message, lang) and the choice is remembered', async () => {
    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { name: 'Clips' }).isVisible()).toBe(true);
    // The message on screen is worded again, not left in Spanish.
    expect(await page.locator('#clip-problem').textContent()).toBe(
      '"notas.mp4" is a text file, not a video file, even if its name ends in a video extension. TwitchScope reads MP4, MOV, WebM, DICOM, AVI and GIF clips.',
    );
    expect(await page.getByRole('button', { name: 'Español', exact: true }).getAttribute('lang')).toBe('es');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: 'Load demo clips' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Cargar vídeos de demostración' }).isVisible()).toBe(true);
  });

  it('an analysis error is in Spanish too', async () => {
    await page.getByRole('button', { name: 'Cargar vídeos de demostración' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Analizar', exact: true }).isEnabled(), POLL).toBe(true);
    await page.getByLabel('Umbral de confianza').fill('7');
    await page.getByRole('button', { name: 'Analizar', exact: true }).click();
    await expect.poll(() => appPage.alertText(page), POLL).toBe('El umbral de confianza debe ser un número de 0 a 1 (por ejemplo 0,5); «7» no lo es.');
  });
});
