import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OutboundHttp } from './outbound-http.js';
import { OutboundPolicy } from './outbound-policy.js';
import { OutboundWebhooks } from './outbound-webhooks.js';

/** The outbound HTTP client, its address policy and the retried webhook queue, for the api (checks URLs when saved) and the worker (calls them). */
@Global()
@Module({
  providers: [
    { provide: OutboundPolicy, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new OutboundPolicy(config.outboundAllow) },
    { provide: OutboundHttp, inject: [OutboundPolicy, APP_CONFIG], useFactory: (policy: OutboundPolicy, config: AppConfig) => new OutboundHttp(policy, config.outboundTimeoutMs) },
    OutboundWebhooks,
  ],
  exports: [OutboundPolicy, OutboundHttp, OutboundWebhooks],
})
export class OutboundModule {}
