import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { deriveSubkey, SecretBox } from './secret-box';

/** Holds the key-encryption key and hands out purpose-bound boxes and subkeys; the KEK itself never leaves. */
@Injectable()
export class CryptoService {
  private readonly kek: Buffer;
  private readonly boxes = new Map<string, SecretBox>();

  constructor(config: AppConfig) {
    if (!config.keyEncryptionKey) throw new Error('the key-encryption key was not resolved at boot');
    this.kek = config.keyEncryptionKey;
  }

  box(purpose: string): SecretBox {
    let box = this.boxes.get(purpose);
    if (!box) {
      box = new SecretBox(this.kek, purpose);
      this.boxes.set(purpose, box);
    }
    return box;
  }

  subkey(purpose: string): Buffer {
    return deriveSubkey(this.kek, `subkey:${purpose}`);
  }
}
