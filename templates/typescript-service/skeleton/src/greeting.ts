/** The service's one piece of domain logic so far; replace it with yours. */
export const MAX_NAME_LENGTH = 100;

export function greet(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new RangeError(`name must be at most ${MAX_NAME_LENGTH} characters`);
  }
  return `Hello, ${trimmed || 'world'}`;
}
