import { describe, expect, it } from '@jest/globals';
import type { ConversationDetail, Message, ReportComment } from '@kefu/contracts';
import { fromBrand, withComment } from './comment-thread';
import { readableThread } from './conversation-view';
import { ConversationsSearch, OverviewSearch, StatementSearch, portalRedirect } from './portal-search';

const comment = (id: string, createdAt: string, authorRole = 'client'): ReportComment => ({ id, reportId: 'r1', storeId: 's1', authorId: 'u1', authorName: 'Brand', authorRole, body: 'hi', createdAt });
const message = (id: string, direction: Message['direction']): Message => ({ id, conversationId: 'c1', storeId: 's1', direction, body: id, authorId: null, externalId: null, deliveryStatus: null, deliveryError: null, ticketId: null, createdAt: '2026-03-01T00:00:00Z' });

describe('the portal', () => {
  it('keeps a client in the portal and everyone else out of it', () => {
    expect(portalRedirect('client', '/')).toBe('/portal');
    expect(portalRedirect('client', '/c/123')).toBe('/portal');
    expect(portalRedirect('client', '/admin/people')).toBe('/portal');
    expect(portalRedirect('client', '/portalx')).toBe('/portal');
    expect(portalRedirect('client', '/portal')).toBeNull();
    expect(portalRedirect('client', '/portal/reports/r1')).toBeNull();
    for (const role of ['agent', 'supervisor', 'analyst', 'admin'] as const) {
      expect(portalRedirect(role, '/portal')).toBe('/');
      expect(portalRedirect(role, '/portal/statement')).toBe('/');
      expect(portalRedirect(role, '/analytics')).toBeNull();
    }
  });

  it('drops bad values of the address instead of failing', () => {
    expect(OverviewSearch.parse({ period: 'last7', store: 's1' })).toEqual({ period: 'last7', store: 's1' });
    expect(OverviewSearch.parse({ period: 'last90' })).toEqual({ period: undefined, store: undefined });
    expect(StatementSearch.parse({ month: '2026-03' })).toEqual({ month: '2026-03' });
    expect(StatementSearch.parse({ month: '2026-3' })).toEqual({ month: undefined });
    expect(ConversationsSearch.parse({ status: 'closed', q: 'x' })).toEqual({ status: undefined, q: 'x', store: undefined });
  });

  it('shows each comment once, oldest first, whether the answer or the socket brings it first', () => {
    const a = comment('a', '2026-03-01T10:00:00Z');
    const b = comment('b', '2026-03-01T11:00:00Z', 'supervisor');
    const thread = withComment([b], a);
    expect(thread.map((c) => c.id)).toEqual(['a', 'b']);
    expect(withComment(thread, b)).toBe(thread);
    expect(fromBrand(a)).toBe(true);
    expect(fromBrand(b)).toBe(false);
  });

  it("leaves the agency's internal notes out of the brand's reading", () => {
    const detail = { messages: [message('m1', 'inbound'), message('n1', 'note'), message('m2', 'outbound')] } as ConversationDetail;
    expect(readableThread(detail).messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    const plain = { messages: [message('m1', 'inbound')] } as ConversationDetail;
    expect(readableThread(plain)).toBe(plain);
  });
});
