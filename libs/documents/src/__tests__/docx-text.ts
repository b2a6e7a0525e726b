import { strFromU8, unzipSync } from 'fflate';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Opens a .docx as Word would need it: a zip with the content types and word/document.xml; returns the XML and paragraph texts. */
export function readDocx(buffer: Buffer): { files: string[]; xml: string; paragraphs: string[] } {
  const zip = unzipSync(new Uint8Array(buffer));
  const xml = strFromU8(zip['word/document.xml']);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(''),
  );
  return { files: Object.keys(zip), xml, paragraphs };
}
