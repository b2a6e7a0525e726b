/** Liaison officers draft, send and record; the office head approves; district case roles may read (libs/liaison liaison-actions). */
export { LIAISON_APPROVE, LIAISON_READ, LIAISON_WRITE } from '@fuyi/liaison';
