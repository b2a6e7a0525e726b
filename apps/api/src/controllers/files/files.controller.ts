import { Controller, Get, Param, Post, Query, Req, Res, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DISTRICT_CASE_ROLES, Role, type Actor } from '@fuyi/kernel';
import { CaseOp } from '@fuyi/cases';
import { DOCUMENT_VERSION_REASONS, DocumentErrors, DocumentService } from '@fuyi/documents';
import { LIAISON_FILE_WRITE, LIAISON_READ } from '@fuyi/liaison';
import { MEDIATION_FILE_WRITE } from '@fuyi/mediation';
import {
  CasePackageService, FILE_DISPOSITIONS, FILE_KINDS, FileErrors, FilesService, PREVIEWABLE_MIMES, attachmentDisposition, contentDisposition,
  type FileDisposition, type FileOwnerType,
} from '@fuyi/files';
import { frameableBySelf } from '../../http/content-security';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { uuidParam } from '../params';
import { readUploadForm, readVersionForm } from './upload-form';

// Whoever may see the owner may see and add its materials (the owner's own scoping rule decides, libs/files).
const CASE_ROLES = [Role.TownshipClerk, ...DISTRICT_CASE_ROLES];
const CASE_VIEW_ROLES = [...CASE_ROLES, Role.LiaisonOfficer];
const MEDIATION_ROLES = [...MEDIATION_FILE_WRITE];
const ALL_VIEW_ROLES = [...CASE_VIEW_ROLES, Role.Mediator];

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['kind', 'submittedBy', 'receivedOn', 'file'],
    properties: {
      kind: { type: 'string', enum: [...FILE_KINDS], description: '材料类型（证据目录）' },
      submittedBy: { type: 'string', maxLength: 100, description: '提交人（当事人、被申请人名称等；不填身份证号码）' },
      receivedOn: { type: 'string', format: 'date', description: '收到日期（可为纸质材料的收件日期，不得晚于今天）' },
      recordReplyAtVersion: { type: 'integer', description: '仅被申请人答复书：同时记录答复（答复期限届满与否，第四十八条），填案件当前版本号' },
      file: { type: 'string', format: 'binary', description: '文件（放在最后）：PDF、JPEG、PNG、OFD、.docx、.xlsx，按内容识别' },
    },
  },
};

const VERSION_BODY = {
  schema: {
    type: 'object',
    required: ['reason', 'file'],
    properties: {
      reason: { type: 'string', enum: [...DOCUMENT_VERSION_REASONS], description: 'signed：签章扫描件；corrected：更正版（同一文号）' },
      note: { type: 'string', maxLength: 200, description: '说明（可选）' },
      file: { type: 'string', format: 'binary', description: '文件（放在最后）：PDF、JPEG、PNG、OFD、.docx，按内容识别' },
    },
  },
};

@ApiTags('材料与证据')
@ApiBearerAuth()
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService, private readonly packages: CasePackageService, private readonly documents: DocumentService) {}

  @Post('cases/:id/files') @HttpCode(201) @Roles(...CASE_ROLES)
  @ApiOperation({ summary: '上传案件材料或证据（流式接收，计算 SHA-256，按文件内容识别类型；单个文件和全案合计有大小限制）' })
  @ApiConsumes('multipart/form-data') @ApiBody(UPLOAD_BODY) @ApiErrors(400, 401, 403, 404, 409)
  uploadToCase(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Req() req: FastifyRequest) {
    return this.upload(actor, 'case', id, req);
  }

  @Get('cases/:id/files') @Roles(...CASE_VIEW_ROLES)
  @ApiOperation({ summary: '案件材料与证据目录（类型、提交人、收到日期、大小、SHA-256、扫描状态）' }) @ApiErrors(401, 403, 404)
  listOfCase(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.files.list(actor, 'case', id);
  }

  @Post('mediation/files/:id/materials') @HttpCode(201) @Roles(...MEDIATION_ROLES)
  @ApiOperation({ summary: '上传调解卷宗材料（只有能查看该卷宗的人员可上传；非公开卷宗仅限其调解员）' })
  @ApiConsumes('multipart/form-data') @ApiBody(UPLOAD_BODY) @ApiErrors(400, 401, 403, 404)
  uploadToMediationFile(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Req() req: FastifyRequest) {
    return this.upload(actor, 'mediation-file', id, req);
  }

  @Get('mediation/files/:id/materials') @Roles(...MEDIATION_ROLES)
  @ApiOperation({ summary: '调解卷宗材料目录' }) @ApiErrors(401, 403, 404)
  listOfMediationFile(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.files.list(actor, 'mediation-file', id);
  }

  @Post('liaison/risk-notices/:id/files') @HttpCode(201) @Roles(...LIAISON_FILE_WRITE)
  @ApiOperation({ summary: '上传风险提示函材料（府院联络员；办结后不可上传）' })
  @ApiConsumes('multipart/form-data') @ApiBody(UPLOAD_BODY) @ApiErrors(400, 401, 403, 404, 409)
  uploadToRiskNotice(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Req() req: FastifyRequest) {
    return this.upload(actor, 'risk-notice', id, req);
  }

  @Get('liaison/risk-notices/:id/files') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '风险提示函材料目录' }) @ApiErrors(401, 403, 404)
  listOfRiskNotice(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.files.list(actor, 'risk-notice', id);
  }

  @Post('liaison/letters/:id/files') @HttpCode(201) @Roles(...LIAISON_FILE_WRITE)
  @ApiOperation({ summary: '上传意见书（建议书）材料（府院联络员；办结后不可上传）' })
  @ApiConsumes('multipart/form-data') @ApiBody(UPLOAD_BODY) @ApiErrors(400, 401, 403, 404, 409)
  uploadToLetter(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Req() req: FastifyRequest) {
    return this.upload(actor, 'letter', id, req);
  }

  @Get('liaison/letters/:id/files') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '意见书（建议书）材料目录' }) @ApiErrors(401, 403, 404)
  listOfLetter(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.files.list(actor, 'letter', id);
  }

  @Get('files/:fileId/download') @Roles(...ALL_VIEW_ROLES)
  @ApiOperation({ summary: '下载材料（原文件名按 RFC 5987 编码；支持 Range 分段下载，206）；disposition=inline 供控制台预览 PDF 和图片' })
  @ApiHeader({ name: 'Range', required: false, description: '单一字节范围，如 bytes=0-1048575' })
  @ApiQuery({
    name: 'disposition', required: false, enum: FILE_DISPOSITIONS,
    description: 'attachment（默认，下载）或 inline（预览：仅 PDF、JPEG、PNG 按 inline 返回，且只允许本站页面嵌入；其他类型仍为 attachment）',
  })
  @ApiProduces('application/octet-stream') @ApiErrors(400, 401, 403, 404, 409)
  async download(
    @CurrentActor() actor: Actor, @Param('fileId', uuidParam('fileId')) fileId: string, @Query('disposition') disposition: string | undefined,
    @Req() req: FastifyRequest, @Res() reply: FastifyReply,
  ) {
    if (disposition !== undefined && !FILE_DISPOSITIONS.includes(disposition as FileDisposition)) {
      throw FileErrors.invalid('disposition', 'disposition 只能是 attachment 或 inline');
    }
    // Audited inside open() before a byte is sent (issue 14 item 5, as document downloads): who, which file, from where.
    return this.sendFile(actor, fileId, req, reply, (disposition as FileDisposition | undefined) ?? 'attachment');
  }

  @Post('cases/:id/documents/:documentId/versions') @HttpCode(201) @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '上传已出具文书的签章扫描件或更正版，作为该文书的下一版本（本案承办人、科长、机构负责人；归档后不可上传）' })
  @ApiConsumes('multipart/form-data') @ApiBody(VERSION_BODY) @ApiErrors(400, 401, 403, 404, 409)
  async uploadDocumentVersion(
    @CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Param('documentId', uuidParam('documentId')) documentId: string, @Req() req: FastifyRequest,
  ) {
    await this.files.assertMayAdd(actor, 'case', id, CaseOp.UploadDocumentVersion);
    return readVersionForm(req, (meta, file, filename) => this.files.uploadDocumentVersion(actor, id, documentId, file, filename, meta));
  }

  @Get('cases/:id/documents/:documentId/versions') @Roles(...CASE_VIEW_ROLES)
  @ApiOperation({ summary: '文书的各版本（第1版为出具时生成的 .docx，之后为上传的签章扫描件或更正版：上传人、时间、SHA-256）' }) @ApiErrors(401, 403, 404)
  documentVersions(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Param('documentId', uuidParam('documentId')) documentId: string) {
    return this.files.documentVersions(actor, id, documentId);
  }

  @Get('cases/:id/documents/:documentId/versions/:version/download') @Roles(...CASE_VIEW_ROLES)
  @ApiOperation({ summary: '下载文书的指定版本（每次下载记入审计日志）' })
  @ApiProduces('application/octet-stream') @ApiErrors(401, 403, 404, 409)
  async downloadDocumentVersion(
    @CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Param('documentId', uuidParam('documentId')) documentId: string,
    @Param('version') version: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply,
  ) {
    const v = (await this.files.documentVersions(actor, id, documentId)).find((x) => String(x.version) === version);
    if (!v) throw DocumentErrors.notFound();
    if (v.fileId) return this.sendFile(actor, v.fileId, req, reply);
    // Version 1 is the .docx as issued: audited as every document download.
    const doc = await this.documents.download(documentId);
    await this.files.auditDocumentDownload(actor, documentId, req.ip);
    reply.header('content-type', v.mime).header('content-disposition', attachmentDisposition(doc.filename))
      .header('cache-control', 'private, no-store').header('x-content-sha256', doc.sha256).header('content-length', doc.content.length);
    return reply.send(doc.content);
  }

  @Get('cases/:id/package') @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({
    summary: '下载整个案卷（zip，流式生成）：全部材料和文书（各取最新版本），按办理程序排列，附卷内目录（.docx、.xlsx：序号、题名、日期、页数、SHA-256）；案件办结（不予受理、视为放弃、已送达、已终止、调解结案）或归档后可下载，每次下载记入审计日志',
  })
  @ApiProduces('application/zip') @ApiErrors(401, 403, 404, 409)
  async casePackage(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { filename, stream } = await this.packages.open(actor, id, req.ip);
    reply.header('content-type', 'application/zip').header('content-disposition', attachmentDisposition(filename)).header('cache-control', 'private, no-store');
    return reply.send(stream);
  }

  /**
   * The bytes of a file. `inline` (the console's preview) only for the types a browser shows itself (PDF, JPEG, PNG);
   * that answer alone may be framed, and only by this origin (frameableBySelf): every other answer is frame-ancestors
   * 'none'. Same audit row (with the disposition), same no-store, same scan rule either way.
   */
  private async sendFile(actor: Actor, fileId: string, req: FastifyRequest, reply: FastifyReply, wanted: FileDisposition = 'attachment') {
    const { file, range, stream, disposition } = await this.files.open(actor, fileId, req.headers.range, req.ip, (mime) =>
      wanted === 'inline' && PREVIEWABLE_MIMES.includes(mime) ? 'inline' : 'attachment');
    reply.header('content-type', file.mime).header('content-disposition', contentDisposition(file.filename, disposition))
      .header('cache-control', 'private, no-store').header('accept-ranges', 'bytes').header('x-content-sha256', file.sha256);
    if (disposition === 'inline') frameableBySelf(reply);
    if (range) {
      reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`).header('content-length', range.end - range.start + 1);
    } else {
      reply.header('content-length', file.size);
    }
    return reply.send(stream);
  }

  private async upload(actor: Actor, ownerType: FileOwnerType, ownerId: string, req: FastifyRequest) {
    await this.files.assertMayAdd(actor, ownerType, ownerId);
    return readUploadForm(req, ({ meta, file, filename }) => this.files.upload(actor, { type: ownerType, id: ownerId }, file, filename, meta));
  }
}
