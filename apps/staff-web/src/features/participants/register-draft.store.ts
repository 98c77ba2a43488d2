import type { RegisterFormValues } from './register-participant.form';

/**
 * An unsaved registration kept in memory (never in storage) when the session expires
 * mid-form, so the same worker finds it again after signing back in. Cleared on save,
 * on cancel and on sign-out; never shown to another user.
 */
let draft: { userId: string; values: RegisterFormValues } | null = null;

export const registerDraft = {
  save(userId: string, values: RegisterFormValues): void {
    draft = { userId, values };
  },
  take(userId: string): RegisterFormValues | null {
    if (!draft || draft.userId !== userId) return null;
    const { values } = draft;
    draft = null;
    return values;
  },
  clear(): void {
    draft = null;
  },
};
