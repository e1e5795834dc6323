import { io, type Socket } from 'socket.io-client';
import { DESK_NAMESPACE, DeskClientEvent, type ActivityInput, type DeskServerEvents } from '@kefu/contracts';
import { currentAccessToken, refreshSession } from './client';

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

/**
 * Connects to the live desk namespace on the same origin (`/socket.io`); socket.io reconnects by
 * itself. Each (re)connect sends the current access token (`token` is the first one). When the
 * server closed the socket (the user's password, role, stores or active flag changed) or refused
 * the token as out of date (`token expired`), the session is refreshed first, so the socket comes
 * back with the user's new rights and rooms; a refresh that fails leaves the server to refuse the
 * socket as `unauthorized`, which ends the session.
 */
export function connectDesk(token: string): DeskSocket {
  let renew = false;
  const socket: DeskSocket = io(DESK_NAMESPACE, {
    path: '/socket.io',
    // One connection to one api process (several run behind the desk's port): no long-polling.
    transports: ['websocket'],
    auth: (send) => {
      const current = renew ? refreshSession().then((s) => s?.accessToken ?? '', () => currentAccessToken()) : Promise.resolve(currentAccessToken() ?? token);
      renew = false;
      void current.then((t) => send({ token: t }));
    },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
  let lastRenewal = 0;
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') renew = true;
  });
  socket.on('connect_error', (err) => {
    if (err.message !== TOKEN_EXPIRED) return;
    renew = true;
    // Once right away; if the renewed token is refused too, the console's own retry comes later.
    if (Date.now() - lastRenewal < 5_000) return;
    lastRenewal = Date.now();
    socket.connect();
  });
  return socket;
}

/** The server's refusal of a genuine but out-of-date token (see the api's DeskGateway). */
const TOKEN_EXPIRED = 'token expired';
