export * from './event-types';
export * from './events.module';
export * from './events.service';
