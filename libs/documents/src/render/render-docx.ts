import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow,
  TextRun, WidthType, type IParagraphOptions,
} from 'docx';
import { headingLabel, printedDate, type HeadingLevel } from '../domain/document-format';
import type { DocumentData } from '../domain/document-types';
import type { DocumentTemplate } from '../templates/template.types';
import { fillText, listItems, paragraphTexts, resolveData } from './placeholders';

/** GB/T 9704-2012 party-and-government document layout, in Word's units (twips, half-points). */
const mm = (v: number) => Math.round((v * 1440) / 25.4); // docx's convertMillimetersToTwip floors: A4 would be 11905 × 16837
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(23) };
const LINE = 579; // exact 28.95 pt: 22 lines in the 225 mm type area
const CHAR = 320; // one 3号 character (16 pt) in twips
const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', pageNumber: '宋体' } as const;
const SIZES = { title: 44, body: 32, pageNumber: 28 } as const; // half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const HEADING_FONT: Record<HeadingLevel, string> = { 1: FONTS.h1, 2: FONTS.h2, 3: FONTS.body, 4: FONTS.body };

/** The same font for every script, so Word never substitutes a Latin font for the Chinese text. */
const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function run(text: string, font: string = FONTS.body, size: number = SIZES.body): TextRun {
  return new TextRun({ text, size, font: fontOf(font) });
}

const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function paragraph(children: TextRun[], opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ spacing, alignment: AlignmentType.JUSTIFIED, ...opts, children });
}

/** Body text: first line indented two characters. */
const body = (text: string, font?: string) => paragraph([run(text, font)], { indent: { firstLine: 2 * CHAR, firstLineChars: 200 } });
const blankLine = () => paragraph([run('')]);

/** Width in characters: CJK full width, ASCII half (the date is Arabic numerals). */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/**
 * 成文日期右空四字; the office's name is centred over the date (GB/T 9704 7.3.5.2), so its right indent
 * depends on how much longer it is than the date.
 */
function signature(office: string, date: string): Paragraph[] {
  const officeIndent = Math.max(0, 4 + (widthOf(date) - widthOf(office)) / 2);
  return [
    blankLine(),
    blankLine(), // room for the seal
    paragraph([run(office)], { alignment: AlignmentType.RIGHT, indent: { right: Math.round(officeIndent * CHAR) } }),
    paragraph([run(date)], { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } }),
  ];
}

/** Page number "— 1 —" in 4号 宋体: odd pages right, even pages left, one character in (GB/T 9704 7.5). */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  const children = [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZES.pageNumber, font: fontOf(FONTS.pageNumber) })];
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'right' ? { right: CHAR } : { left: CHAR },
      children,
    })],
  });
}

function bodyParagraphs(template: DocumentTemplate, values: DocumentData): Paragraph[] {
  const counters = [0, 0, 0, 0, 0];
  const out: Paragraph[] = [];
  for (const block of template.body) {
    if (typeof block === 'string') {
      out.push(body(fillText(block, values)));
    } else if ('heading' in block) {
      counters[block.heading] += 1;
      for (let deeper = block.heading + 1; deeper <= 4; deeper++) counters[deeper] = 0;
      out.push(body(headingLabel(block.heading, counters[block.heading]) + fillText(block.text, values), HEADING_FONT[block.heading]));
    } else if ('paragraphs' in block) {
      // Word for word (a decision's text): no date reformatting, no numbering.
      paragraphTexts(block.paragraphs, values).forEach((text) => out.push(body(text)));
    } else if ('list' in block) {
      const level = block.level ?? 3;
      listItems(block.list, values).forEach((item, i) => out.push(body(headingLabel(level, i + 1) + item, HEADING_FONT[level])));
    } else {
      const alignment = block.align ? ALIGN[block.align] : AlignmentType.JUSTIFIED;
      const indent = block.indent === false ? undefined : { firstLine: 2 * CHAR, firstLineChars: 200 };
      out.push(paragraph([run(fillText(block.text, values))], { alignment, indent }));
    }
  }
  return out;
}

/** The number line under the title: the document's own number and, for a case's document, the case number (案号) beside it. */
export function numberLine(documentNumber: string, caseNumber?: string | null): string {
  return caseNumber ? `案号：${caseNumber}　${documentNumber}` : documentNumber;
}

/**
 * Renders a template to .docx. Every placeholder must have a value (DOCUMENT_DATA_MISSING otherwise);
 * `documentNumber`, `office` and `issuedOn` are always needed (number line, signature). `caseNumber`: the case the
 * document belongs to, printed beside the document's number.
 */
export async function renderDocx(template: DocumentTemplate, data: DocumentData, opts: { caseNumber?: string | null } = {}): Promise<Buffer> {
  const values = resolveData(template, data);
  const title = fillText(template.title, values);
  const office = String(values.office);
  const titleRuns = title.split('\n').map((line, i) => new TextRun({ text: line, break: i ? 1 : 0, size: SIZES.title, font: fontOf(FONTS.title) }));
  const doc = new Document({
    creator: office,
    title: `${values.documentNumber} ${title.replace(/\n/g, '')}`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { size: SIZES.body, font: fontOf(FONTS.body) }, paragraph: { spacing } } } },
    sections: [{
      properties: {
        page: { size: A4, margin: MARGIN },
        grid: { type: DocumentGridType.LINES, linePitch: LINE },
      },
      footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
      children: [
        new Paragraph({ spacing: { line: 700, lineRule: LineRuleType.AT_LEAST }, alignment: AlignmentType.CENTER, children: titleRuns }),
        paragraph([run(numberLine(String(values.documentNumber), opts.caseNumber))], { alignment: AlignmentType.RIGHT }),
        blankLine(),
        ...bodyParagraphs(template, values),
        ...signature(office, printedDate(String(values.issuedOn))),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/** A report (e.g. the yearly statistics report): numbered headings, body paragraphs and tables, in the same layout. */
export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  table?: { caption: string; headers: string[]; rows: string[][] };
}

const TABLE_SIZE = 21; // 五号 (10.5 pt): a statistics table does not fit in 3号
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableCell(text: string, bold: boolean, align: 'left' | 'right' | 'center'): TableCell {
  return new TableCell({
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    children: [new Paragraph({ alignment: ALIGN[align], children: [new TextRun({ text, bold, size: TABLE_SIZE, font: fontOf(FONTS.body) })] })],
  });
}

function reportTable(t: NonNullable<ReportSection['table']>): Array<Paragraph | Table> {
  const isNumber = (s: string) => /^-?[\d,.]+%?$/.test(s);
  return [
    paragraph([run(t.caption, FONTS.h1, TABLE_SIZE + 3)], { alignment: AlignmentType.CENTER }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: t.headers.map((h) => tableCell(h, true, 'center')) }),
        ...t.rows.map((r, i) => new TableRow({ children: r.map((c, j) => tableCell(c, i === t.rows.length - 1 && r[0] === '合计', j > 0 && isNumber(c) ? 'right' : 'left')) })),
      ],
    }),
  ];
}

/** Renders a report: title, the report's own number line, sections numbered 一、二、…, tables with bordered cells, signature. */
export async function renderReportDocx(r: { title: string; number: string; office: string; issuedOn: string; sections: ReportSection[] }): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ spacing: { line: 700, lineRule: LineRuleType.AT_LEAST }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.title, size: SIZES.title, font: fontOf(FONTS.title) })] }),
    paragraph([run(r.number)], { alignment: AlignmentType.RIGHT }),
    blankLine(),
  ];
  r.sections.forEach((s, i) => {
    children.push(body(headingLabel(1, i + 1) + s.heading, HEADING_FONT[1]));
    for (const p of s.paragraphs ?? []) children.push(body(p));
    if (s.table) children.push(...reportTable(s.table), blankLine());
  });
  const doc = new Document({
    creator: r.office, title: r.title, evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { size: SIZES.body, font: fontOf(FONTS.body) }, paragraph: { spacing } } } },
    sections: [{
      properties: { page: { size: A4, margin: MARGIN }, grid: { type: DocumentGridType.LINES, linePitch: LINE } },
      footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
      children: [...children, ...signature(r.office, printedDate(r.issuedOn))],
    }],
  });
  return Packer.toBuffer(doc);
}
