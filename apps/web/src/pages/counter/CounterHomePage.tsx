import { RoleHome } from '../../components/RoleHome';

/** The township counter (issue 13 item 3) grows here: consultations, registration, receipts. */
export default function CounterHomePage() {
  return <RoleHome title="接待登记" figure="本分中心的复议申请" count="applications" />;
}
