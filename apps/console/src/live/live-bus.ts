import { DESK_EVENT_SCHEMAS, isLiveEventName, type LiveEventName, type LivePayload } from '@kefu/contracts';

export type { LiveEventName, LivePayload };

/** One live event with its payload, as the cache reducers see it. */
export type LiveEvent = { [E in LiveEventName]: { name: E; payload: LivePayload<E> } }[LiveEventName];

type Handler<E extends LiveEventName> = (payload: LivePayload<E>) => void;

/**
 * Fan-out of live events inside the console. Socket events are validated with the contract's schemas before they reach
 * anything; the answers of the console's own writes are published here too, so the cache changes the same way whether
 * the news came from the socket or from the POST.
 */
export class LiveBus {
  private readonly handlers = new Map<LiveEventName, Set<Handler<never>>>();
  private readonly all = new Set<(event: LiveEvent) => void>();

  on<E extends LiveEventName>(event: E, handler: Handler<E>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  /** Every event, in order of arrival (the query cache's sync listens here). */
  onAny(handler: (event: LiveEvent) => void): () => void {
    this.all.add(handler);
    return () => this.all.delete(handler);
  }

  publish<E extends LiveEventName>(event: E, payload: LivePayload<E>): void {
    const live = { name: event, payload } as LiveEvent;
    for (const handler of this.all) handler(live);
    for (const handler of this.handlers.get(event) ?? []) (handler as Handler<E>)(payload);
  }

  /** An event as received from the socket: unknown names are ignored, bad payloads logged and dropped. */
  receive(event: string, payload: unknown): void {
    if (!isLiveEventName(event)) return;
    const parsed = DESK_EVENT_SCHEMAS[event].safeParse(payload);
    if (!parsed.success) {
      console.warn(`Ignoring malformed ${event} event`, parsed.error);
      return;
    }
    // One fact on the wire, two for the cache: a customer's message carrying its conversation also updates it.
    if (event === 'message.created') {
      const { conversation, ...message } = parsed.data as LivePayload<'message.created'>;
      if (conversation) this.publish('conversation.updated', conversation);
      this.publish('message.created', message);
      return;
    }
    // Others' conversations of a store, batched: each is that conversation's update.
    if (event === 'conversations.changed') {
      for (const conversation of (parsed.data as LivePayload<'conversations.changed'>).items) this.publish('conversation.updated', conversation);
      return;
    }
    this.publish(event, parsed.data as LivePayload<typeof event>);
  }
}
