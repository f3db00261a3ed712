export * from './app-data.ts';
export * from './feature.ts';
export * from './joined.ts';
export * from './region.ts';
