/** @jest-environment jsdom */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import type { User } from '@kefu/contracts';
import { areNudgesMuted, useNudgesMuted } from './notify-settings';

const user = (id: string, role: User['role']) => ({ id, role }) as User;

describe('the waiting nudges’ mute switch', () => {
  beforeEach(() => localStorage.clear());

  it('starts muted for supervisors and admins, who receive every store’s nudges, and on for agents', () => {
    expect(areNudgesMuted(user('a', 'agent'))).toBe(false);
    expect(areNudgesMuted(user('s', 'supervisor'))).toBe(true);
    expect(areNudgesMuted(user('d', 'admin'))).toBe(true);
  });

  it('remembers the choice per user, and re-renders the switch', () => {
    const lead = user('s', 'supervisor');
    const { result } = renderHook(() => useNudgesMuted(lead));
    expect(result.current[0]).toBe(true);
    act(() => result.current[1](false));
    expect(result.current[0]).toBe(false);
    expect(areNudgesMuted(lead)).toBe(false);
    expect(areNudgesMuted(user('s2', 'supervisor'))).toBe(true);
  });
});
