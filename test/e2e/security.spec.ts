import { describe, expect, it } from '@jest/globals';
import { signIn, withConsole } from '../support/browser.js';
import { waitFor } from '../support/client.js';

describe('console under its Content-Security-Policy', () => {
  const env = withConsole();

  it('runs the built console with a policy that blocks injected scripts, and the check sees it', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const answer = await page.goto(env.desk.url);
    const headers = answer!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-powered-by']).toBeUndefined();
    await signIn(page, env.desk.url, 'supervisor@demo.kefu');
    await page.getByTestId('inbox-list').waitFor();
    expect(env.csp.take()).toEqual([]);

    // What an injected <script> or inline handler would do: blocked, and reported by the check every test runs.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.injected = true');
      img.src = 'data:,';
      document.body.append(img);
    });
    const reported = (directive: string) => env.csp.violations.find((v) => v.startsWith(`${directive} blocked inline`));
    await waitFor(() => reported('script-src-elem') && reported('script-src-attr'), 5000, 'both violations reported');
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    env.csp.take();
    await page.close();
  });

  it('cannot be framed by another page', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(`<iframe id="desk" src="${env.desk.url}/" width="800" height="600"></iframe>`);
    const frame = await (await page.waitForSelector('#desk')).contentFrame();
    await waitFor(() => env.csp.violations.find((v) => /frame-ancestors/.test(v)), 5000, 'the refusal to be framed');
    expect(await frame!.locator('[data-testid="login-email"]').count()).toBe(0);
    env.csp.take();
    await page.close();
  });

  it('renders the API documentation page under its own policy (inline styles only there)', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const answer = await page.goto(`${env.desk.url}/api/docs`);
    expect(answer!.headers()['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    await page.locator('.swagger-ui .info .title', { hasText: 'Kefu Desk API' }).waitFor();
    await page.locator('.opblock').first().waitFor();
    await page.close();
  });
});
