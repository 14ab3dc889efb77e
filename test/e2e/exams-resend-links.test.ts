// A candidate who lost their link asks for it again, in Vietnamese: the form, its error and the neutral answer,
// each page passing axe.
import { describe, expect, it } from 'vitest';
import { Journey } from '../helpers/browser.js';
import { useJourneyServer } from './support/journey-server.js';

const e2e = useJourneyServer();

describe('journey: resend my registration links', () => {
  it('from the exam dates to the neutral answer, every page passing axe', async () => {
    const journey = new Journey('exams-resend-links');
    const page = await (await e2e.browser.newContext({ locale: 'vi-VN' })).newPage();
    await page.goto(`${e2e.server.url}/exams?lang=vi`);
    await page.click('a[href="/exams/resend-links"]');
    await page.waitForURL(/\/exams\/resend-links$/);
    await journey.check(page, 'resend-form');
    expect(await page.textContent('h1')).toContain('Nhận lại liên kết');

    await page.fill('#email', 'not-an-address');
    await page.click('form[action="/exams/resend-links"] button[type="submit"]');
    await journey.check(page, 'resend-error');
    expect(await page.getAttribute('.error-summary a', 'href')).toBe('#email');

    await page.fill('#email', 'nobody@example.vn');
    await page.click('form[action="/exams/resend-links"] button[type="submit"]');
    await journey.check(page, 'resend-sent');
    expect(await page.textContent('[role="status"]')).toContain('Nếu có đơn đăng ký thi với địa chỉ này');
  });
});
