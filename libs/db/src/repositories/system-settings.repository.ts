import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { SystemSetting } from '../entities/system-setting.entity';

/** Deployment-wide settings (the sealed root seed, the development organization). Not tenant data. */
@Injectable()
export class SystemSettingsRepository {
  constructor(@InjectRepository(SystemSetting) private readonly repo: Repository<SystemSetting>) {}

  findByKey(key: string, manager?: EntityManager): Promise<SystemSetting | null> {
    return (manager ?? this.repo.manager).findOneBy(SystemSetting, { key });
  }

  async insert(key: string, value: unknown, manager?: EntityManager): Promise<void> {
    const m = manager ?? this.repo.manager;
    await m.save(m.create(SystemSetting, { key, value }));
  }

  /** Stores the setting unless the key exists: concurrent writers race safely and the first one wins. */
  async insertIfAbsent(key: string, value: unknown): Promise<void> {
    await this.repo.manager.query(
      `INSERT INTO system_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
      [key, value],
    );
  }

  /** Waits for the transaction-scoped advisory lock `lockKey`; it is held until `manager`'s transaction ends. */
  async waitForAdvisoryLock(lockKey: number, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
  }
}
