import { setHandler } from '@temporalio/workflow';
import {
  assessmentCompletedSignal,
  contactRecordedSignal,
  credentialEarnedSignal,
  enrolledSignal,
  placedSignal,
  planSignedSignal,
  programExitedSignal,
  serviceRecordedSignal,
  trainingCompletedSignal,
  trainingEnrolledSignal,
  type JourneyMessage,
} from './messages';

/**
 * Registers a handler for every journey signal but the registration (each version handles
 * that one its own way) that hands the signal, by name, to `receive`.
 */
export function receiveCaseworkSignals(receive: (message: JourneyMessage) => void): void {
  const to = <M extends JourneyMessage>(signal: M['signal']) => (payload: M['payload']) => receive({ signal, payload } as JourneyMessage);
  setHandler(enrolledSignal, to('enrolled'));
  setHandler(programExitedSignal, to('programExited'));
  setHandler(assessmentCompletedSignal, to('assessmentCompleted'));
  setHandler(planSignedSignal, to('planSigned'));
  setHandler(serviceRecordedSignal, to('serviceRecorded'));
  setHandler(trainingEnrolledSignal, to('trainingEnrolled'));
  setHandler(trainingCompletedSignal, to('trainingCompleted'));
  setHandler(credentialEarnedSignal, to('credentialEarned'));
  setHandler(placedSignal, to('placed'));
  setHandler(contactRecordedSignal, to('contactRecorded'));
}
