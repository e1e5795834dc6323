import { createHmac } from 'node:crypto';

/** `X-Kefu-Signature` of a webhook body, as a platform computes it. */
export const signature = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
