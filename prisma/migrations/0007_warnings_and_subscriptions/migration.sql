-- CreateTable
CREATE TABLE "Warning" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validTo" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "audience" INTEGER,
    "fannedOutAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WarningRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "warningId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WarningRevision_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "Warning" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WarningSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "topics" TEXT NOT NULL DEFAULT '[]',
    "provinces" TEXT NOT NULL DEFAULT '[]',
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "consentText" TEXT NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WarningDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "warningId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "outboxId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WarningDelivery_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "Warning" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StaffPermission" (
    "userId" TEXT NOT NULL,
    "permission" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "permission")
);

-- CreateIndex
CREATE INDEX "Warning_status_publishedAt_idx" ON "Warning"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "WarningRevision_warningId_version_idx" ON "WarningRevision"("warningId", "version");

-- CreateIndex
CREATE INDEX "WarningSubscription_active_channel_idx" ON "WarningSubscription"("active", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "WarningSubscription_channel_externalId_key" ON "WarningSubscription"("channel", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "WarningDelivery_outboxId_key" ON "WarningDelivery"("outboxId");

-- CreateIndex
CREATE INDEX "WarningDelivery_warningId_channel_idx" ON "WarningDelivery"("warningId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "WarningDelivery_warningId_subscriptionId_key" ON "WarningDelivery"("warningId", "subscriptionId");

