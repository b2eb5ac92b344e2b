/** Elements whose click is an action worth naming. */
const ACTIONABLE =
  'button, a[href], [role="button"], [role="tab"], [role="menuitem"], [role="option"], input[type="checkbox"], input[type="radio"]';

/** Marks the feedback control itself, whose clicks are not the action being rated. */
export const FEEDBACK_CONTROL_ATTRIBUTE = 'data-feedback-control';

/**
 * What a click did, in words a person recognises ("clicked “Register”"), or `undefined` for a
 * click on nothing actionable or on the feedback control. Only labels are read, never what a
 * person typed.
 */
export function describeClick(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  if (target.closest(`[${FEEDBACK_CONTROL_ATTRIBUTE}]`)) return undefined;
  const element = target.closest(ACTIONABLE);
  if (!element) return undefined;
  const label = (
    element.getAttribute('aria-label') ??
    element.getAttribute('title') ??
    element.textContent ??
    ''
  )
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return label ? `clicked “${label}”` : undefined;
}
