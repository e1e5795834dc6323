import { io, type Socket } from 'socket.io-client';
import { DESK_NAMESPACE, DeskClientEvent, type ActivityInput, type DeskServerEvents } from '@kefu/contracts';

/** socket.io wants an indexable events map; the mapped type keeps the contract's signatures. */
export type DeskListenEvents = { [K in keyof DeskServerEvents]: DeskServerEvents[K] };

/** The server's answer to a client event (socket.io acknowledgement). */
export interface DeskAck {
  ok: boolean;
  error?: string;
}

/** What the console sends on /desk (the contracts' `DeskClientEvent`). */
export type DeskEmitEvents = {
  [DeskClientEvent.ConversationActivity]: (input: ActivityInput, ack: (answer: DeskAck) => void) => void;
};

export type DeskSocket = Socket<DeskListenEvents, DeskEmitEvents>;

/** Connects to the live desk namespace on the same origin (`/socket.io`); socket.io reconnects by itself. */
export function connectDesk(token: string): DeskSocket {
  return io(DESK_NAMESPACE, {
    path: '/socket.io',
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
}
