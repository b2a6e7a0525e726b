import { shanghaiDateTime } from '@fuyi/kernel';
import './receipt.css';
import type { Receipt as ReceiptData } from './api';

/**
 * 行政复议申请材料接收回执, as printed for the applicant: case number and query code (shown only this once: the API
 * keeps a hash), receipt time and office, parties, materials, and the acceptance-review due date (ARL 30).
 */
export function Receipt({ receipt }: { receipt: ReceiptData }) {
  return (
    <article className="fuyi-receipt" aria-label="收件回执" data-testid="receipt">
      <h2>{receipt.title}</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row">案件编号</th>
            <td data-testid="receipt-case-number">{receipt.caseNumber}</td>
          </tr>
          <tr>
            <th scope="row">查询码</th>
            <td>
              <span className="fuyi-query-code" data-testid="receipt-query-code">
                {receipt.queryCode}
              </span>
            </td>
          </tr>
          <tr>
            <th scope="row">申请人</th>
            <td>{receipt.applicants.join('、')}</td>
          </tr>
          <tr>
            <th scope="row">被申请人</th>
            <td>{receipt.respondent}</td>
          </tr>
          <tr>
            <th scope="row">收件时间</th>
            <td>{shanghaiDateTime(new Date(receipt.receivedAt))}（北京时间）</td>
          </tr>
          <tr>
            <th scope="row">收件机构</th>
            <td>{receipt.receivingOffice}</td>
          </tr>
          <tr>
            <th scope="row">受理审查期限</th>
            <td data-testid="receipt-acceptance-due">{receipt.acceptanceDue} 前</td>
          </tr>
        </tbody>
      </table>
      <table aria-label="收到的材料">
        <thead>
          <tr>
            <th scope="col" style={{ width: 'auto' }}>
              收到的材料
            </th>
            <th scope="col" style={{ width: '6em' }}>
              份数
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.materials.length === 0 ? (
            <tr>
              <td colSpan={2}>（无）</td>
            </tr>
          ) : (
            receipt.materials.map((m, i) => (
              <tr key={i}>
                <td>{m.name}</td>
                <td>{m.copies}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p>{receipt.notice}</p>
      {receipt.lateApplication && <p data-testid="receipt-late">{receipt.lateApplication.notice}</p>}
      <p>
        查询方式：凭案件编号和查询码在区行政复议网上查询页面查询办理进度。查询码仅在本回执上出现，遗失的可持身份证件到收件窗口申请补发。
      </p>
      <div className="fuyi-receipt-sign">
        <div>{receipt.receivingOffice}（盖章）</div>
        <div>经办人：____________</div>
      </div>
    </article>
  );
}
