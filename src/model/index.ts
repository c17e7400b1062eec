export * from './span.js';
export * from './tokens.js';
export * from './mention.js';
export * from './event.js';
export * from './quote.js';
export * from './time.js';
export * from './article.js';
export * from './record.js';
