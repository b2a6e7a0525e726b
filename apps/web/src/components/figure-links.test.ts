import { describe, expect, it } from 'vitest';
import { hasHomeFigures } from './RoleHome';
import { FIGURE_LINKS, figureLink, unitOf } from './figure-links';
import { filterOf } from '../pages/liaison/LiaisonHomePage';

describe('home figure links (issue 16 item 5)', () => {
  it("opens the township counter's list and the mediator's work list with the figure's filter", () => {
    expect(FIGURE_LINKS.awaitingCorrection).toBe('/counter?state=correction_requested');
    expect(FIGURE_LINKS.inAcceptanceReview).toBe('/counter?state=registered');
    expect(FIGURE_LINKS.mediationMine).toBe('/mediation');
    expect(FIGURE_LINKS.mediationDueSoon).toBe('/mediation?due=soon');
  });

  it("opens the liaison desk with the filter each liaison figure counts (GET /liaison/view's due / waiting)", () => {
    expect(FIGURE_LINKS.liaisonOverdue).toBe('/liaison?due=overdue');
    expect(FIGURE_LINKS.liaisonDueThisWeek).toBe('/liaison?due=thisWeek');
    expect(FIGURE_LINKS.liaisonAwaitingMe).toBe('/liaison?waiting=officer');
    expect(filterOf('?due=overdue')).toEqual({ due: 'overdue' });
    expect(filterOf('?waiting=officer')).toEqual({ waiting: 'officer' });
    expect(filterOf('?due=someday&waiting=head')).toEqual({});
  });

  it("opens the administrator's dead-letter list and the users list filtered to locked accounts", () => {
    expect(FIGURE_LINKS.deadLetters).toBe('/admin/dead-letters');
    expect(FIGURE_LINKS.lockedAccounts).toBe('/admin/users?status=locked');
  });

  it("opens the security administrator's users list on the security page, filtered to locked accounts or to those without the second factor", () => {
    expect(figureLink({ key: 'lockedAccounts' }, 'security_admin')).toBe('/security?status=locked');
    expect(figureLink({ key: 'lockedAccounts' }, 'admin')).toBe('/admin/users?status=locked');
    expect(figureLink({ key: 'totpMissing' }, 'security_admin')).toBe('/security?status=totpMissing');
  });

  it("opens the audit log with the filter the auditor's figure was counted with (the API's query)", () => {
    expect(figureLink({ key: 'auditToday', query: { from: '2026-12-05', to: '2026-12-05' } }, 'auditor')).toBe(
      '/audit?from=2026-12-05&to=2026-12-05',
    );
    expect(
      figureLink({ key: 'auditPersonalDataReads', query: { action: 'case.read_personal_data', from: '2026-11-29', to: '2026-12-05' } }),
    ).toBe('/audit?action=case.read_personal_data&from=2026-11-29&to=2026-12-05');
    expect(figureLink({ key: 'myOverdue' })).toBe('/work/my-queue?flag=overdue');
  });

  it('counts cases by 件, accounts by 个, log rows by 条 and audited events by 次', () => {
    expect([unitOf('myOverdue'), unitOf('totpMissing'), unitOf('auditToday'), unitOf('auditDownloads')]).toEqual(['件', '个', '条', '次']);
  });

  it('asks for figures for every role (the API answers each its own)', () => {
    for (const role of [
      'township_clerk',
      'reconsideration_clerk',
      'section_chief',
      'office_head',
      'mediator',
      'liaison_officer',
      'admin',
      'auditor',
      'security_admin',
    ])
      expect(hasHomeFigures(role)).toBe(true);
    expect(hasHomeFigures(undefined)).toBe(false);
  });
});
