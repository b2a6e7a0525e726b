import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Receipt } from './Receipt';
import type { Receipt as ReceiptData } from './api';

describe('Receipt (回执)', () => {
  it('prints the receipt time in Beijing time, not the API instant in UTC', () => {
    const receipt = {
      title: '行政复议申请材料接收回执', caseNumber: '通复〔2026〕第00001号', queryCode: 'T66BE5', applicants: ['张建华'], respondent: '区公安分局',
      receivedAt: '2026-12-05T15:59:00.000Z', receivingOffice: '中仓街道行政复议接待咨询分中心', acceptanceDue: '2026-12-11', materials: [], notice: '', lateApplication: null,
    } as unknown as ReceiptData;
    render(<Receipt receipt={receipt} />);
    const row = screen.getByRole('rowheader', { name: '收件时间' }).closest('tr');
    expect(row?.textContent).toContain('2026-12-05 23:59（北京时间）');
    expect(row?.textContent).not.toContain('Z');
  });
});
