import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DocumentErrors, DocumentService } from '@fuyi/documents';
import { LiaisonViewService } from '@fuyi/liaison';
import { Roles } from '../../auth/auth.decorators';
import { LiaisonStatsQueryDto, LiaisonViewQueryDto } from '../../dto/liaison.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { boundedLimit } from '../paging';
import { uuidParam } from '../params';
import { LIAISON_READ } from './liaison-roles';
import { DOCX, docxFile } from '../../http/docx-file';
import { AuditedRead } from '../../http/audited-read';


@ApiTags('府院联络')
@ApiBearerAuth()
@Controller('liaison')
export class LiaisonViewController {
  constructor(private readonly view: LiaisonViewService, private readonly documents: DocumentService) {}

  @Get('view') @Roles(...LIAISON_READ)
  @ApiOperation({
    summary: '府院联络工作台：在办风险提示函和意见书及期限、起诉期内案件、在诉案件、疑似群体性争议',
    description: '可按 due（overdue 已逾期 / thisWeek 本周到期）或 waiting=officer（待府院联络员办理）筛选，即府院联络员首页各指标所计的清单；筛选时不列起诉期内的案件（当事人的期限）。',
  })
  @ApiErrors(400, 401, 403)
  get(@Query() q: LiaisonViewQueryDto) {
    return this.view.view(boundedLimit(q.limit === undefined ? 50 : Number(q.limit)), { due: q.due, waiting: q.waiting });
  }

  @Get('stats') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '年度报告统计：按部门和期间的风险提示、意见书反馈、应诉、共同被告、负责人出庭率、维持判决' })
  @ApiErrors(400, 401, 403)
  stats(@Query() q: LiaisonStatsQueryDto) {
    return this.view.stats(q.from, q.to);
  }

  @Get('documents/:documentId/download') @Roles(...LIAISON_READ) @Header('Cache-Control', 'private, no-store')
  @AuditedRead({ action: 'document.download', subjectType: 'document', param: 'documentId' })
  @ApiOperation({ summary: '下载风险提示函、意见书、建议书（Word .docx）' }) @ApiProduces(DOCX) @ApiErrors(401, 403, 404)
  async download(@Param('documentId', uuidParam('documentId')) documentId: string) {
    // Every liaison and district case role sees all liaison documents (district scope); other owners are not served here.
    const owner = await this.documents.ownerOf(documentId);
    if (owner.kind !== 'risk-notice' && owner.kind !== 'letter') throw DocumentErrors.notFound();
    const file = await this.documents.download(documentId);
    return docxFile(file);
  }
}
