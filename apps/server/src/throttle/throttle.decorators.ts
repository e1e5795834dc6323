import { SetMetadata } from '@nestjs/common';

export const CHANNEL_THROTTLE = 'kefu:channel-throttle';

/** A platform webhook (`/api/channels/:channelId/…`): limited per channel rather than per user. */
export const ChannelThrottle = () => SetMetadata(CHANNEL_THROTTLE, true);
