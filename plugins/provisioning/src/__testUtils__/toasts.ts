import { screen, within } from '@testing-library/react';

/**
 * Waits for the toast titled `title`, as the app's toast display renders it, and checks what a
 * person sees: its status, text and link.
 */
export async function expectToast(
  title: string,
  expected: {
    status: 'success' | 'info' | 'warning' | 'danger';
    text?: string;
    link?: { name: string; href: string };
  },
): Promise<HTMLElement> {
  const toast = await screen.findByRole('alertdialog', { name: title });
  expect(toast).toHaveAttribute('data-status', expected.status);
  if (expected.text) expect(toast).toHaveTextContent(expected.text);
  if (expected.link) {
    expect(
      within(toast).getByRole('link', { name: expected.link.name }),
    ).toHaveAttribute('href', expected.link.href);
  }
  return toast;
}
