-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Outbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "sentParts" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Outbox" ("attempts", "channel", "claimedBy", "claimedUntil", "createdAt", "deliveredAt", "externalId", "id", "payload") SELECT "attempts", "channel", "claimedBy", "claimedUntil", "createdAt", "deliveredAt", "externalId", "id", "payload" FROM "Outbox";
DROP TABLE "Outbox";
ALTER TABLE "new_Outbox" RENAME TO "Outbox";
CREATE INDEX "Outbox_channel_deliveredAt_idx" ON "Outbox"("channel", "deliveredAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

