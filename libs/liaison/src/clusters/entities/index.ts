export * from './group-dispute.entity';
export * from './group-dispute-member.entity';
export * from './detection-watermark.entity';
