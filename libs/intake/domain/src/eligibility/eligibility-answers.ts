// The answers' shape is an API contract (staff-web fills it in, the gateway documents it);
// the rules that read them live here.
export { BOOLEAN_FACTS, EligibilityAnswersSchema, type BooleanFact, type EligibilityAnswers } from '@waypoint/contracts';
