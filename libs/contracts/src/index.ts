export * from './common.js';
export * from './domain.js';
export * from './store.js';
export * from './channel.js';
export * from './user.js';
export * from './conversation.js';
export * from './events.js';
export * from './queues.js';
