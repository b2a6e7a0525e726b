import { Controller, Get, Param, Post, Req, Res, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DISTRICT_CASE_ROLES, Role, type Actor } from '@fuyi/kernel';
import { FILE_KINDS, FilesService, attachmentDisposition, type FileOwnerType } from '@fuyi/files';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { uuidParam } from '../params';
import { readUploadForm } from './upload-form';

// Whoever may see the owner may see and add its materials (the owner's own scoping rule decides, libs/files).
const CASE_ROLES = [Role.TownshipClerk, ...DISTRICT_CASE_ROLES];
const CASE_VIEW_ROLES = [...CASE_ROLES, Role.LiaisonOfficer];
const MEDIATION_ROLES = [...DISTRICT_CASE_ROLES, Role.Mediator, Role.LiaisonOfficer];
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

@ApiTags('材料与证据')
@ApiBearerAuth()
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

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

  @Get('files/:fileId/download') @Roles(...ALL_VIEW_ROLES)
  @ApiOperation({ summary: '下载材料（原文件名按 RFC 5987 编码；支持 Range 分段下载，206）' })
  @ApiHeader({ name: 'Range', required: false, description: '单一字节范围，如 bytes=0-1048575' })
  @ApiProduces('application/octet-stream') @ApiErrors(401, 403, 404, 409)
  async download(@CurrentActor() actor: Actor, @Param('fileId', uuidParam('fileId')) fileId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    // Audited inside open() before a byte is sent (issue 14 item 5, as document downloads): who, which file, from where.
    const { file, range, stream } = await this.files.open(actor, fileId, req.headers.range, req.ip);
    reply.header('content-type', file.mime).header('content-disposition', attachmentDisposition(file.filename))
      .header('cache-control', 'private, no-store').header('accept-ranges', 'bytes').header('x-content-sha256', file.sha256);
    if (range) {
      reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`).header('content-length', range.end - range.start + 1);
    } else {
      reply.header('content-length', file.size);
    }
    return reply.send(stream);
  }

  private async upload(actor: Actor, ownerType: FileOwnerType, ownerId: string, req: FastifyRequest) {
    await this.files.assertOwnerVisible(actor, ownerType, ownerId);
    return readUploadForm(req, ({ meta, file, filename }) => this.files.upload(actor, { type: ownerType, id: ownerId }, file, filename, meta));
  }
}
