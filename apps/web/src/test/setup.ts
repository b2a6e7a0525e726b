import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// jsdom lacks what Ant Design measures with; plain stand-ins are enough for forms.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

afterEach(() => cleanup());
