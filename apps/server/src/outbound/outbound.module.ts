import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OutboundHttp } from './outbound-http.js';
import { OutboundPolicy } from './outbound-policy.js';

/** The outbound HTTP client and its address policy, for the api (checks URLs when saved) and the worker (calls them). */
@Global()
@Module({
  providers: [
    { provide: OutboundPolicy, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new OutboundPolicy(config.outboundAllow) },
    { provide: OutboundHttp, inject: [OutboundPolicy, APP_CONFIG], useFactory: (policy: OutboundPolicy, config: AppConfig) => new OutboundHttp(policy, config.outboundTimeoutMs) },
  ],
  exports: [OutboundPolicy, OutboundHttp],
})
export class OutboundModule {}
