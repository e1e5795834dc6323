import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { RedisUnavailableError } from '../redis/redis-errors.js';
import { unavailableDependency } from './dependency-unavailable.js';

const db = 'postgres://kefu@db.internal:6543/kefu';
const netError = (code: string, extra: Record<string, unknown>) => Object.assign(new Error(`connect ${code}`), { code, syscall: 'connect', ...extra });

describe('unavailableDependency', () => {
  it('names the database for a refused or lost connection to it, and for a server shutting down or starting', () => {
    expect(unavailableDependency(netError('ECONNREFUSED', { address: '10.0.0.5', port: 6543 }), db)).toBe('database');
    expect(unavailableDependency(netError('ENOTFOUND', { hostname: 'db.internal' }), db)).toBe('database');
    expect(unavailableDependency(new Error('Connection terminated unexpectedly'), db)).toBe('database');
    expect(unavailableDependency(new Error('timeout exceeded when trying to connect'), db)).toBe('database');
    expect(unavailableDependency(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), db)).toBe('database');
    const starting = new QueryFailedError('SELECT 1', [], Object.assign(new Error('the database system is starting up'), { code: '57P03' }));
    expect(unavailableDependency(starting, db)).toBe('database');
    expect(unavailableDependency(Object.assign(new Error('connection failure'), { code: '08006' }), db)).toBe('database');
  });

  it('names Redis for what ioredis answers while it is down', () => {
    expect(unavailableDependency(new Error("Stream isn't writeable and enableOfflineQueue options is false"), db)).toBe('redis');
    expect(unavailableDependency(new Error('Command timed out'), db)).toBe('redis');
    expect(unavailableDependency(Object.assign(new Error('Reached the max retries per request limit (which is 0).'), { name: 'MaxRetriesPerRequestError' }), db)).toBe('redis');
    expect(unavailableDependency(new RedisUnavailableError(), db)).toBe('redis');
  });

  it('leaves real faults alone: another host refusing, a constraint, a bug', () => {
    expect(unavailableDependency(netError('ECONNREFUSED', { address: '10.0.0.9', port: 443 }), db)).toBeNull();
    expect(unavailableDependency(new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' })), db)).toBeNull();
    expect(unavailableDependency(new TypeError("Cannot read properties of undefined (reading 'id')"), db)).toBeNull();
    expect(unavailableDependency(undefined, db)).toBeNull();
  });
});
