import { useMemo, type ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useReducedMotion } from './use-reduced-motion';

/**
 * The office blue, and text dark enough for WCAG AA contrast (4.5:1) on white and on the grey page background:
 * Ant Design's default secondary text (45 % black) and link blue fall short of it.
 */
const token: ThemeConfig['token'] = {
  colorPrimary: '#1a4fa0',
  colorLink: '#1a4fa0',
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  colorError: '#cf1322', // the default #ff4d4f is 3.3:1 on white: field errors must be readable
  borderRadius: 4,
};

/**
 * Locale and theme for the whole console. A user who asked for reduced motion (WCAG 2.3.3) gets none: Ant Design's
 * `motion` token off (dialogs, dropdowns and messages appear and go without animating, durations 0 s) and no click
 * wave. The charts never animate (EChart).
 */
export function ConsoleConfig({ children }: { children: ReactNode }) {
  const reduced = useReducedMotion();
  const theme = useMemo<ThemeConfig>(() => ({ token: { ...token, motion: !reduced } }), [reduced]);
  const wave = useMemo(() => ({ disabled: reduced }), [reduced]);
  return (
    <ConfigProvider locale={zhCN} theme={theme} wave={wave}>
      {children}
    </ConfigProvider>
  );
}
