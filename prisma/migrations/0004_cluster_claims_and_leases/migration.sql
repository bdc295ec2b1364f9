-- AlterTable
ALTER TABLE "InboundUpdate" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "InboundUpdate" ADD COLUMN "claimedUntil" DATETIME;

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "Outbox" ADD COLUMN "claimedUntil" DATETIME;

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

