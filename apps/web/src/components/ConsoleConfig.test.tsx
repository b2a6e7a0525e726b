import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigProvider, theme } from 'antd';
import { useContext } from 'react';
import { ConsoleConfig } from './ConsoleConfig';
import { REDUCED_MOTION_QUERY } from './use-reduced-motion';

/** A matchMedia whose "reduce motion" answer the test sets, and whose change listeners it can call. */
function stubMatchMedia(reduce: boolean) {
  const listeners = new Set<() => void>();
  const state = { reduce };
  const matchMedia = vi.fn((query: string) => ({
    get matches() {
      return query === REDUCED_MOTION_QUERY && state.reduce;
    },
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    dispatchEvent: () => false,
  }));
  vi.stubGlobal('matchMedia', matchMedia);
  return {
    listeners,
    switchTo(next: boolean) {
      state.reduce = next;
      act(() => listeners.forEach((l) => l()));
    },
  };
}

function Probe() {
  const { token } = theme.useToken();
  const { wave } = useContext(ConfigProvider.ConfigContext);
  return (
    <p data-testid="probe">
      {`motion=${String(token.motion)} slow=${token.motionDurationSlow} wave=${wave?.disabled ? 'off' : 'on'} primary=${token.colorPrimary}`}
    </p>
  );
}

describe('ConsoleConfig (prefers-reduced-motion, WCAG 2.3.3)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps Ant Design motion when the user did not ask for less', () => {
    stubMatchMedia(false);
    render(
      <ConsoleConfig>
        <Probe />
      </ConsoleConfig>,
    );
    expect(screen.getByTestId('probe').textContent).toBe('motion=true slow=0.3s wave=on primary=#1a4fa0');
  });

  it('turns motion and the click wave off when the user asked for reduced motion', () => {
    stubMatchMedia(true);
    render(
      <ConsoleConfig>
        <Probe />
      </ConsoleConfig>,
    );
    expect(screen.getByTestId('probe').textContent).toBe('motion=false slow=0s wave=off primary=#1a4fa0');
  });

  it('follows the setting when it changes while the console is open, and stops listening on unmount', () => {
    const media = stubMatchMedia(false);
    const { unmount } = render(
      <ConsoleConfig>
        <Probe />
      </ConsoleConfig>,
    );
    expect(screen.getByTestId('probe').textContent).toContain('motion=true');
    media.switchTo(true);
    expect(screen.getByTestId('probe').textContent).toBe('motion=false slow=0s wave=off primary=#1a4fa0');
    media.switchTo(false);
    expect(screen.getByTestId('probe').textContent).toBe('motion=true slow=0.3s wave=on primary=#1a4fa0');
    unmount();
    expect(media.listeners.size).toBe(0);
  });
});
