import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for a developer machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: 'postgres://postgres@127.0.0.1:5432/kefu', redisUrl: 'redis://127.0.0.1:6379', jwtSecret: undefined });
    expect(c.accessTokenTtlSeconds).toBe(900);
    expect(c.rateLimitPerUser).toBeGreaterThanOrEqual(1000);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });

  it('refuses a JWT_SECRET shorter than 32 bytes', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) })).toThrow(/JWT_SECRET: must be at least 32 bytes/);
    expect(() => loadConfig({ JWT_SECRET: 'short-dev-secret-16' })).toThrow(/JWT_SECRET/);
  });

  it('names each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(/PORT.*DATABASE_URL|DATABASE_URL.*PORT/);
  });

  it('derives the public URL and the socket origins, and checks the outbound allow-list', () => {
    expect(loadConfig({ PORT: '4000' })).toMatchObject({ publicUrl: 'http://localhost:4000', corsOrigins: ['http://localhost:4000', 'http://localhost:5173'], outboundAllow: [], outboundTimeoutMs: 5000 });
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://desk.example.com/', CORS_ORIGINS: 'https://ops.example.com/path, https://bi.example.com', OUTBOUND_ALLOW: 'bot.corp.example, 10.20.0.0/16' });
    expect(prod).toMatchObject({ publicUrl: 'https://desk.example.com', corsOrigins: ['https://desk.example.com', 'https://ops.example.com', 'https://bi.example.com'], outboundAllow: ['bot.corp.example', '10.20.0.0/16'] });
    expect(() => loadConfig({ OUTBOUND_ALLOW: 'http://bot/' })).toThrow(/OUTBOUND_ALLOW: "http:\/\/bot\/" is neither a host name nor a CIDR/);
    expect(() => loadConfig({ CORS_ORIGINS: 'not an origin' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://desk.example.com' })).toThrow(/PUBLIC_URL/);
  });
});
