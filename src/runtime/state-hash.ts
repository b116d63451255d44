// A fingerprint of a folded state, so a snapshot that was changed in storage is not trusted.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '../domain/crypto/bytes';
import { canonicalJson } from './canonical-json';
import type { WorldState } from '../domain';

/** SHA-256 of the state's canonical JSON, hex. */
export function stateHash(state: WorldState): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(state))));
}
