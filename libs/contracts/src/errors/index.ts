export * from './codes.js';
export * from './api-error.js';
