import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('loadConfig', () => {
  it('starts with embedded defaults and a current province', () => {
    const config = loadConfig({});
    expect(config.TZ_NAME).toBe('Asia/Ho_Chi_Minh');
    expect(config.PROVINCE_NAME).toBe('Khánh Hòa');
  });

  it('refuses a time zone that does not exist, naming the variable', () => {
    expect(() => loadConfig({ TZ_NAME: 'Asia/Khanh_Hoa' })).toThrow(ConfigError);
    expect(() => loadConfig({ TZ_NAME: 'Asia/Khanh_Hoa' })).toThrow(/TZ_NAME/);
    expect(loadConfig({ TZ_NAME: 'Asia/Bangkok' }).TZ_NAME).toBe('Asia/Bangkok');
  });
});
