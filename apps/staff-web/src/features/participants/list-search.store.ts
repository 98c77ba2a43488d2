/**
 * The last search of the participant list, kept in memory for the signed-in user so
 * Back from a participant returns to the same results. Not written to the address:
 * names typed into a search must not end up in the browser history of a shared
 * workstation. Cleared on sign-out.
 */
let memory: { userId: string; q: string } | null = null;

export const listSearch = {
  get(userId: string): string {
    return memory && memory.userId === userId ? memory.q : '';
  },
  set(userId: string, q: string): void {
    memory = q ? { userId, q } : null;
  },
  clear(): void {
    memory = null;
  },
};
