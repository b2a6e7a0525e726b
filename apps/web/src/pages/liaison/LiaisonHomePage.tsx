import { RoleHome } from '../../components/RoleHome';

/** The court liaison view (libs/liaison). */
export default function LiaisonHomePage() {
  return <RoleHome title="府院联动" figure="起诉期内的案件" count="casesInLawsuitWindow" />;
}
