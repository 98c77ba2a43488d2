// Pure rules of the journey: calendar-day and quarter arithmetic, the 90-day exit rule, the
// follow-up schedule, deadlines. No Temporal, Nest, Mongo or Kafka: the workflow sandbox
// imports this, and table-driven unit tests cover it.
export * from './calendar-date';
export * from './quarter';
export * from './journey-rules';
export * from './exit-rule';
export * from './follow-up';
export * from './deadlines';
