import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CASE_CATEGORIES, CHANNELS } from '@fuyi/cases';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiTags('基础数据')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly ds: DataSource) {}

  @Get('townships') @ApiOperation({ summary: '街乡镇（分中心）' }) @ApiErrors(401)
  townships() {
    return this.ds.query('SELECT id, code, name, kind FROM townships ORDER BY id');
  }

  @Get('departments') @ApiOperation({ summary: '被申请人（区级部门和街乡镇政府），含上一级主管部门' }) @ApiErrors(401)
  async departments() {
    const rows = await this.ds.query('SELECT id, name, kind, township_id, superior FROM departments ORDER BY id');
    return rows.map((r: any) => ({ id: r.id, name: r.name, kind: r.kind, townshipId: r.township_id, superior: r.superior }));
  }

  @Get('categories') @ApiOperation({ summary: '案件类别和申请方式' }) @ApiErrors(401)
  categories() {
    return { categories: CASE_CATEGORIES, channels: CHANNELS };
  }
}
