import { describe, expect, it } from 'vitest';
import { hasHomeFigures } from './RoleHome';
import { FIGURE_LINKS } from './figure-links';

describe('home figure links (issue 16 item 5)', () => {
  it("opens the township counter's list and the mediator's work list with the figure's filter", () => {
    expect(FIGURE_LINKS.awaitingCorrection).toBe('/counter?state=correction_requested');
    expect(FIGURE_LINKS.inAcceptanceReview).toBe('/counter?state=registered');
    expect(FIGURE_LINKS.mediationMine).toBe('/mediation');
    expect(FIGURE_LINKS.mediationDueSoon).toBe('/mediation?due=soon');
  });

  it('asks for figures only for the roles the API answers them for', () => {
    for (const role of ['township_clerk', 'reconsideration_clerk', 'section_chief', 'office_head', 'mediator']) expect(hasHomeFigures(role)).toBe(true);
    for (const role of ['liaison_officer', 'admin', 'auditor', 'security_admin', undefined]) expect(hasHomeFigures(role)).toBe(false);
  });
});
