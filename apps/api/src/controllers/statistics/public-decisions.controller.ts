import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { PublicationsService } from '@fuyi/statistics';
import { Public } from '../../auth/auth.decorators';
import { PublicationSearchDto } from '../../dto/statistics.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { uuidParam } from '../params';

/** 阳光复议 (ARL 79): anyone may search and read published decisions; anonymised texts only, withdrawn ones gone. */
@ApiTags('公众查询')
@Controller('public/decisions')
export class PublicDecisionsController {
  constructor(private readonly publications: PublicationsService) {}

  @Public() @Get() @UseGuards(ThrottlerGuard) @ApiErrors(400, 429)
  @ApiOperation({ summary: '公开的行政复议决定书：按被申请人、类别、年度和关键词检索（已匿名化）' })
  search(@Query() q: PublicationSearchDto) {
    return this.publications.search({ respondentDepartmentId: q.respondentDepartmentId, category: q.category, year: q.year, q: q.q, page: q.page, pageSize: q.pageSize });
  }

  @Public() @Get('facets') @UseGuards(ThrottlerGuard) @ApiErrors(429)
  @ApiOperation({ summary: '检索条件的可选值：有公开决定书的年度、被申请人，案件类别' })
  facets() {
    return this.publications.facets();
  }

  @Public() @Get(':publicationId') @UseGuards(ThrottlerGuard) @ApiErrors(400, 404, 429)
  @ApiOperation({ summary: '一份公开的行政复议决定书全文（已匿名化）' })
  get(@Param('publicationId', uuidParam('publicationId')) id: string) {
    return this.publications.get(id);
  }
}
