import { z } from 'zod';
import {
  AgentPresenceEvent,
  Conversation,
  ConversationActivityEvent,
  DeskEvent,
  Message,
  SlaBreachedEvent,
  SlaMetEvent,
  SlaWarningEvent,
  Ticket,
  type DeskServerEvents,
} from '@kefu/contracts';

/** The live events the console listens to, each with the contract schema of its payload. */
const schemas = {
  [DeskEvent.ConversationCreated]: Conversation,
  [DeskEvent.ConversationUpdated]: Conversation,
  [DeskEvent.MessageCreated]: Message,
  [DeskEvent.MessageUpdated]: Message,
  [DeskEvent.TicketCreated]: Ticket,
  [DeskEvent.TicketUpdated]: Ticket,
  [DeskEvent.SlaWarning]: SlaWarningEvent,
  [DeskEvent.SlaBreached]: SlaBreachedEvent,
  [DeskEvent.SlaMet]: SlaMetEvent,
  [DeskEvent.AgentPresence]: AgentPresenceEvent,
  [DeskEvent.ConversationActivity]: ConversationActivityEvent,
} as const;

// Each schema's output must be what the contract says the server sends.
type Sent<E extends keyof DeskServerEvents> = Parameters<DeskServerEvents[E]>[0];
type Conforms<E extends keyof typeof schemas & keyof DeskServerEvents> = z.output<(typeof schemas)[E]> extends Sent<E> ? true : never;
const conforms: { [E in keyof typeof schemas & keyof DeskServerEvents]: Conforms<E> } = {
  'conversation.created': true,
  'conversation.updated': true,
  'message.created': true,
  'message.updated': true,
  'ticket.created': true,
  'ticket.updated': true,
  'sla.warning': true,
  'sla.breached': true,
  'sla.met': true,
  'agent.presence': true,
  'conversation.activity': true,
};
void conforms;

export type LiveEventName = keyof typeof schemas;
export type LivePayload<E extends LiveEventName> = z.output<(typeof schemas)[E]>;
type Handler<E extends LiveEventName> = (payload: LivePayload<E>) => void;

const isLiveEvent = (name: string): name is LiveEventName => Object.hasOwn(schemas, name);

/**
 * Fan-out of live events inside the console. Socket events are validated before they reach any
 * screen; the answers of the console's own writes are published here too, so a row or a thread
 * updates the same way whether the news came from the socket or from the POST.
 */
export class LiveBus {
  private readonly handlers = new Map<LiveEventName, Set<Handler<never>>>();

  on<E extends LiveEventName>(event: E, handler: Handler<E>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  publish<E extends LiveEventName>(event: E, payload: LivePayload<E>): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as Handler<E>)(payload);
  }

  /** An event as received from the socket: unknown names are ignored, bad payloads logged and dropped. */
  receive(event: string, payload: unknown): void {
    if (!isLiveEvent(event)) return;
    const parsed = schemas[event].safeParse(payload);
    if (!parsed.success) {
      console.warn(`Ignoring malformed ${event} event`, parsed.error);
      return;
    }
    this.publish(event, parsed.data as LivePayload<typeof event>);
  }
}
