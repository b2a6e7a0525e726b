import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DocumentErrors } from '../domain/document-errors';
import { DOCUMENT_TYPES, isDocumentType, type DocumentType } from '../domain/document-types';
import { placeholdersOf } from '../render/placeholders';
import type { DocumentTemplate, RequestField, TemplateBlock } from './template.types';

/** DOCUMENT_TEMPLATES_DIR, else the nearest templates/documents above this file (works from src and from dist). */
export function defaultTemplatesDir(): string {
  if (process.env.DOCUMENT_TEMPLATES_DIR) return resolve(process.env.DOCUMENT_TEMPLATES_DIR);
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'documents');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`templates/documents not found above ${__dirname}; set DOCUMENT_TEMPLATES_DIR`);
  }
}

// A template asking for these would put personal data into an issued document's stored data (PIPL).
const PERSONAL_PLACEHOLDER = /id(number|card)|phone|mobile|address/i;
const LEVELS = [1, 2, 3, 4];

/**
 * The office's document templates, read from disk on every use: editing a JSON file changes the next document
 * issued, without a release. A broken template fails loudly (DOCUMENT_TEMPLATE_INVALID), never a blank document.
 */
export class DocumentTemplates {
  constructor(readonly dir: string = defaultTemplatesDir()) {}

  async get(type: DocumentType): Promise<DocumentTemplate> {
    if (!isDocumentType(type)) throw DocumentErrors.unknownType(String(type));
    const [common, raw] = await Promise.all([this.readJson('_common', '_common.json'), this.readJson(type, `${type}.json`)]);
    return validateTemplate(type, raw, (common as { defaults?: Record<string, string> }).defaults ?? {});
  }

  async all(): Promise<DocumentTemplate[]> {
    return Promise.all(DOCUMENT_TYPES.map((t) => this.get(t)));
  }

  private async readJson(type: string, file: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(join(this.dir, file), 'utf8'));
    } catch (e) {
      throw DocumentErrors.templateInvalid(type, `无法读取 ${file}（${(e as Error).message}）`);
    }
  }
}

export function validateTemplate(type: DocumentType, raw: unknown, commonDefaults: Record<string, string> = {}): DocumentTemplate {
  const fail = (problem: string) => DocumentErrors.templateInvalid(type, problem);
  const t = raw as Partial<DocumentTemplate> & { defaults?: unknown };
  if (!t || typeof t !== 'object') throw fail('不是 JSON 对象');
  if (t.type !== undefined && t.type !== type) throw fail(`type 应为 ${type}`);
  if (typeof t.title !== 'string' || !t.title.trim()) throw fail('缺少 title');
  if (typeof t.prefix !== 'string' || !/^[\u4e00-\u9fff]{1,12}$/.test(t.prefix)) throw fail('prefix 应为 1 至 12 个汉字');
  if (!Array.isArray(t.body) || !t.body.length) throw fail('body 应为非空数组');
  const defaults = { ...commonDefaults, ...((t.defaults ?? {}) as Record<string, string>) };
  if (Object.values(defaults).some((v) => typeof v !== 'string')) throw fail('defaults 的值应为文本');
  const request = (t.request ?? {}) as Record<string, unknown>;
  if (typeof request !== 'object' || Array.isArray(request)) throw fail('request 应为对象：可由请求填写的项 → 说明');
  for (const [name, field] of Object.entries(request)) {
    const f = (field ?? {}) as Partial<RequestField>;
    const text = (v: unknown) => typeof v === 'string' && !!v.trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name) || typeof field !== 'object' || !text(f.why)) throw fail(`request.${name} 应写明案件记录为何没有此项（why）`);
    if (!text(f.label) || !/[\u4e00-\u9fff]/.test(f.label!)) throw fail(`request.${name} 应有中文名称（label）`);
    if (f.fills !== undefined && !/^[A-Za-z][A-Za-z0-9]*$/.test(String(f.fills))) throw fail(`request.${name}.fills 应为占位符名`);
    if (f.format !== undefined && !text(f.format)) throw fail(`request.${name}.format 应为文本`);
  }
  t.body.forEach((block, i) => checkBlock(block, (p) => fail(`body[${i}]：${p}`)));
  for (const name of placeholdersOf({ title: t.title, body: t.body })) {
    if (PERSONAL_PLACEHOLDER.test(name)) throw fail(`占位符 {{${name}}} 涉及个人信息，文书数据中不得保存`);
  }
  return { type, title: t.title, prefix: t.prefix, body: t.body, defaults, request: request as Record<string, RequestField> };
}

function checkBlock(block: TemplateBlock, fail: (problem: string) => Error): void {
  const text = (s: unknown) => {
    if (typeof s !== 'string' || !s.length) throw fail('文本为空');
    if (/\{\{(?![A-Za-z][A-Za-z0-9]*\}\})/.test(s) || /(?<!\{\{[A-Za-z][A-Za-z0-9]*)\}\}/.test(s)) throw fail(`占位符格式应为 {{name}}：${s}`);
  };
  if (typeof block === 'string') return text(block);
  if (!block || typeof block !== 'object') throw fail('应为文本或对象');
  if ('paragraphs' in block) {
    if (!/^\{\{[A-Za-z][A-Za-z0-9]*\}\}$/.test(block.paragraphs)) throw fail('paragraphs 应为单个占位符，如 "{{decisionText}}"');
    return;
  }
  if ('list' in block) {
    if (!/^\{\{[A-Za-z][A-Za-z0-9]*\}\}$/.test(block.list)) throw fail('list 应为单个占位符，如 "{{items}}"');
    if (block.level !== undefined && !LEVELS.includes(block.level)) throw fail('level 应为 1 至 4');
    return;
  }
  if ('heading' in block) {
    if (!LEVELS.includes(block.heading)) throw fail('heading 应为 1 至 4');
    return text(block.text);
  }
  text((block as { text?: unknown }).text);
  const { align } = block as { align?: unknown };
  if (align !== undefined && !['left', 'center', 'right'].includes(align as string)) throw fail('align 应为 left、center 或 right');
}
