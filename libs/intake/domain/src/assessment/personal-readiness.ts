/**
 * The personal-readiness checklist a case manager starts from: the stability a person needs
 * before outside employment. Kept by the case manager alone; every item must be met. The case
 * manager may add, drop or reword items for the person.
 */
export const DEFAULT_PERSONAL_READINESS_ITEMS: readonly { id: string; label: string }[] = [
  { id: 'stable-housing', label: 'Stable housing for the next three months' },
  { id: 'reliable-transport', label: 'Reliable way to get to work on time' },
  { id: 'child-care-arranged', label: 'Child care arranged for work hours (and a back-up)' },
  { id: 'identity-documents', label: 'Identity and work-authorisation documents in hand' },
  { id: 'health-managed', label: 'Health needs managed well enough to work the hours planned' },
  { id: 'legal-obligations', label: 'Court or supervision obligations fit around a work schedule' },
  { id: 'phone-contact', label: 'A working phone number employers can reach' },
];
