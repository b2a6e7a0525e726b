import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { sniffAllowedType } from '../domain/content-type';

/** Allowed by content, never by name (issue 18 item 1). */
describe('content types by magic bytes', () => {
  const head = (b: Buffer) => b.subarray(0, 64 * 1024);

  it('PDF, JPEG, PNG', async () => {
    expect((await sniffAllowedType(Buffer.from('%PDF-1.7\n...')))?.ext).toBe('pdf');
    expect((await sniffAllowedType(Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex')))?.ext).toBe('jpg');
    expect((await sniffAllowedType(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')))?.ext).toBe('png');
  });

  it('a .docx and an .xlsx as the office writes them', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('答复书')] }] }));
    expect((await sniffAllowedType(head(docx)))?.ext).toBe('docx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('证据目录').addRow(['序号', '名称']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await sniffAllowedType(head(xlsx)))?.ext).toBe('xlsx');
  });

  it('an OFD: a zip whose first entry is OFD.xml', async () => {
    const name = Buffer.from('OFD.xml');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    expect((await sniffAllowedType(Buffer.concat([header, name, Buffer.from('<ofd:OFD/>')])))?.ext).toBe('ofd');
  });

  it('refuses executables, scripts, HTML, plain zips and empty files', async () => {
    for (const b of [Buffer.from('MZ\x90\x00'), Buffer.from('#!/bin/sh\nrm -rf /'), Buffer.from('<html><script>'), Buffer.alloc(0),
      Buffer.from('504b0304140000000800', 'hex'), Buffer.from('7f454c46', 'hex')]) {
      expect(await sniffAllowedType(b)).toBeNull();
    }
  });
});
