import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ChainCursor } from '../entities/chain-cursor.entity';

/** The scanner's progress as the database holds it: the raw columns, as `SELECT` returns them (heights as text). */
export interface ChainProgressRow {
  network: string;
  indexed_height: string | null;
  last_synced_at: Date | null;
}

/** The chain scanners' cursors, one per network. Deployment data, not tenant data: no organization id. */
@Injectable()
export class ChainCursorsRepository {
  constructor(@InjectRepository(ChainCursor) private readonly repo: Repository<ChainCursor>) {}

  /** Every network's cursor (the networks overview). */
  findAll(): Promise<ChainCursor[]> {
    return this.repo.manager.find(ChainCursor);
  }

  /** Every network's indexed height and last pass, without the ORM (the balance read model asks often). */
  listProgress(): Promise<ChainProgressRow[]> {
    return this.repo.manager.query<ChainProgressRow[]>('SELECT network, indexed_height, last_synced_at FROM chain_cursors');
  }
}
