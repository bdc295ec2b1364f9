/** The permission that lets an agent write, publish and withdraw warnings; admins always may. */
export const publishWarnings = 'warnings.publish';

export interface StaffPermissions {
  has(userId: string, permission: string): Promise<boolean>;
  /** The accounts holding `permission` (user ids). */
  holders(permission: string): Promise<string[]>;
  grant(userId: string, permission: string, actor: string, now: Date): Promise<void>;
  revoke(userId: string, permission: string, actor: string, now: Date): Promise<void>;
}

/** Publishing a warning reaches thousands of people: admins, and agents an admin named. */
export async function mayPublish(user: { readonly id: string; readonly role: string }, permissions: StaffPermissions): Promise<boolean> {
  return user.role === 'admin' || (await permissions.has(user.id, publishWarnings));
}
