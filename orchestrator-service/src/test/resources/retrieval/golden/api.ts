import { Request } from "./http";

export interface User {
  id: number;
  name: string;
}

export type UserId = number;

/** Fetches one user. */
export async function fetchUser(id: UserId): Promise<User> {
  const response = await fetch(`/api/users/${id}`);
  return response.json();
}

export const isAdmin = (user: User): boolean => user.name === "admin";

export class UserCache {
  private users = new Map<UserId, User>();

  get(id: UserId): User | undefined {
    return this.users.get(id);
  }

  async load(id: UserId): Promise<User> {
    if (!this.users.has(id)) {
      this.users.set(id, await fetchUser(id));
    }
    return this.users.get(id)!;
  }
}
