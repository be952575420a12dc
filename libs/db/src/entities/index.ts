import { ApiKey } from './api-key.entity';
import { AuthRequestId } from './auth-request-id.entity';
import { Organization } from './organization.entity';
import { SystemSetting } from './system-setting.entity';

export { ApiKey, AuthRequestId, Organization, SystemSetting };

export const ENTITIES = [Organization, ApiKey, AuthRequestId, SystemSetting];
