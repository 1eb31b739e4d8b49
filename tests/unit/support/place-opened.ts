import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * A place off the first screen loads when first visited (renderer/places/PlaceView.tsx): its
 * heading shows at once, the place under it once its code is in. Waits for both, with room for
 * a loaded machine, and returns the heading.
 */
export async function placeOpened(name: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 1, name });
  await waitFor(() => expect(screen.queryByRole('progressbar', { name: `Opening ${name}…` })).toBeNull(), { timeout: 15_000 });
  return heading;
}
