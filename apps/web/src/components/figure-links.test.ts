import { describe, expect, it } from 'vitest';
import { hasHomeFigures } from './RoleHome';
import { FIGURE_LINKS } from './figure-links';
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

  it('asks for figures only for the roles the API answers them for', () => {
    for (const role of ['township_clerk', 'reconsideration_clerk', 'section_chief', 'office_head', 'mediator', 'liaison_officer', 'admin']) expect(hasHomeFigures(role)).toBe(true);
    for (const role of ['auditor', 'security_admin', undefined]) expect(hasHomeFigures(role)).toBe(false);
  });
});
