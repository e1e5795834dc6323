/**
 * Places in the console (it routes on the URL hash): used by the console itself and by the links
 * the desk sends out, e.g. in SLA alerts (`<PUBLIC_URL>/#/c/<id>`).
 */
export const conversationHref = (id: string, ticketId?: string | null): string => (ticketId ? `#/c/${id}/t/${ticketId}` : `#/c/${id}`);
