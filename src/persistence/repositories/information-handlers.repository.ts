// The named register of information handlers (support-project-spec 4①): staff who may see non-public data.
import { aliasedTable, and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database.js';
import { informationHandlers, users } from '../schema/users.js';

export async function isActiveInformationHandler(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: informationHandlers.id })
    .from(informationHandlers)
    .where(and(eq(informationHandlers.userId, userId), isNull(informationHandlers.removedAt)))
    .limit(1);
  return row !== undefined;
}

export async function insertInformationHandler(
  db: Db,
  handler: { userId: string; department: string | null; position: string | null; note: string | null; registeredBy: string | null; registeredAt: Date },
): Promise<{ id: string }> {
  const [row] = await db.insert(informationHandlers).values(handler).returning({ id: informationHandlers.id });
  if (!row) throw new Error('insert information_handlers returned no row');
  return row;
}

export async function removeInformationHandler(db: Db, id: string, removedBy: string, at: Date): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .update(informationHandlers)
    .set({ removedAt: at, removedBy })
    .where(and(eq(informationHandlers.id, id), isNull(informationHandlers.removedAt)))
    .returning({ userId: informationHandlers.userId });
  return row;
}

export type InformationHandlerListItem = {
  id: string;
  userId: string;
  name: string;
  email: string;
  department: string | null;
  position: string | null;
  registeredAt: Date;
  registeredByName: string | null;
};

export async function listActiveInformationHandlers(db: Db): Promise<InformationHandlerListItem[]> {
  const registrar = aliasedTable(users, 'registrar');
  return db
    .select({
      id: informationHandlers.id,
      userId: informationHandlers.userId,
      name: users.displayName,
      email: users.email,
      department: informationHandlers.department,
      position: informationHandlers.position,
      registeredAt: informationHandlers.registeredAt,
      registeredByName: registrar.displayName,
    })
    .from(informationHandlers)
    .innerJoin(users, eq(users.id, informationHandlers.userId))
    .leftJoin(registrar, eq(registrar.id, informationHandlers.registeredBy))
    .where(isNull(informationHandlers.removedAt))
    .orderBy(asc(informationHandlers.registeredAt));
}
