import { createHash } from 'node:crypto';
import type { Sha256Hex } from '../domain/audit-chain';

/** SHA-256 as lowercase hex, for the audit hash chain (src/domain/audit-chain.ts). */
export const sha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
