import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { HOUSE_DETAIL_MESSAGE, hasHouseDetail } from '@fuyi/liaison';
import { MAX_ID, NoPersonalData } from './validators';

export class DismissClusterDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ example: '经核实为不同项目的个别争议，不构成群体性纠纷', maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) @NoPersonalData() reason: string;
}

/** The place of a disputed act (act.place, actPlace): village, street or parcel, never a house number (personal data). */
export const IsDisputePlace = (options?: ValidationOptions) => (object: object, propertyName: string) =>
  registerDecorator({
    name: 'isDisputePlace', target: object.constructor, propertyName, options,
    validator: { validate: (v: unknown) => typeof v !== 'string' || !hasHouseDetail(v), defaultMessage: () => HOUSE_DETAIL_MESSAGE },
  });
